<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ServerOptions</name>
    <message>
        <source>Confab chat server: a small IRC server for a local network.</source>
        <translation>Confab 聊天伺服器：用於區域網路的小型 IRC 伺服器。</translation>
    </message>
    <message>
        <source>Listen on &lt;address&gt; (IPv4 or IPv6; repeat for several). Default: every address.</source>
        <translation>在 &lt;位址&gt; 上監聽（IPv4 或 IPv6；可重複指定多個）。預設：所有位址。</translation>
    </message>
    <message>
        <source>address</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>Listen on &lt;port&gt; (default %1).</source>
        <translation>在連接埠 &lt;連接埠&gt; 上監聽（預設 %1）。</translation>
    </message>
    <message>
        <source>port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>Read options from the ini &lt;file&gt;; options given here override it.</source>
        <translation>從 ini 檔案 &lt;檔案&gt; 讀取選項；命令列中給出的選項優先。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Server name shown to clients (default %1).</source>
        <translation>向用戶端顯示的伺服器名稱（預設 %1）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Network name shown to clients (default %1).</source>
        <translation>向用戶端顯示的網路名稱（預設 %1）。</translation>
    </message>
    <message>
        <source>Require this connection password (PASS).</source>
        <translation>要求使用此連線密碼（PASS）。</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Send the text of &lt;file&gt; as message of the day.</source>
        <translation>將 &lt;檔案&gt; 的內容作為每日訊息傳送。</translation>
    </message>
    <message>
        <source>Room every user joins on login (default %1).</source>
        <translation>每位使用者登入時加入的聊天室（預設 %1）。</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>頻道</translation>
    </message>
    <message>
        <source>Do not join users to the default room on login.</source>
        <translation>登入時不讓使用者加入預設聊天室。</translation>
    </message>
    <message>
        <source>Maximum simultaneous connections (default %1).</source>
        <translation>最大同時連線數（預設 %1）。</translation>
    </message>
    <message>
        <source>count</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>Maximum connections from one address (default %1).</source>
        <translation>來自同一位址的最大連線數（預設 %1）。</translation>
    </message>
    <message>
        <source>Maximum rooms one user may join (default %1).</source>
        <translation>每位使用者最多可加入的聊天室數（預設 %1）。</translation>
    </message>
    <message>
        <source>Maximum nickname length (default %1).</source>
        <translation>暱稱最大長度（預設 %1）。</translation>
    </message>
    <message>
        <source>chars</source>
        <translation>字元數</translation>
    </message>
    <message>
        <source>Maximum room name length (default %1).</source>
        <translation>聊天室名稱最大長度（預設 %1）。</translation>
    </message>
    <message>
        <source>Maximum topic length (default %1).</source>
        <translation>主題最大長度（預設 %1）。</translation>
    </message>
    <message>
        <source>Maximum away message length (default %1).</source>
        <translation>離開訊息最大長度（預設 %1）。</translation>
    </message>
    <message>
        <source>Maximum kick reason length (default %1).</source>
        <translation>踢出原因最大長度（預設 %1）。</translation>
    </message>
    <message>
        <source>Maximum recipients of one message (default %1).</source>
        <translation>一則訊息的最大接收者數（預設 %1）。</translation>
    </message>
    <message>
        <source>Seconds of silence before the server sends PING (default %1).</source>
        <translation>伺服器傳送 PING 前的靜默秒數（預設 %1）。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Seconds to answer a PING before being dropped (default %1).</source>
        <translation>回應 PING 的秒數，逾時即中斷（預設 %1）。</translation>
    </message>
    <message>
        <source>Seconds to complete login before being dropped (default %1).</source>
        <translation>完成登入的秒數，逾時即中斷（預設 %1）。</translation>
    </message>
    <message>
        <source>Lines a client may send at once (default %1).</source>
        <translation>用戶端一次最多可傳送的行數（預設 %1）。</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>行數</translation>
    </message>
    <message>
        <source>Lines per second a client may send on average; 0 disables (default %1).</source>
        <translation>用戶端平均每秒可傳送的行數；0 表示不限制（預設 %1）。</translation>
    </message>
    <message>
        <source>Lines held back from a fast client before &quot;Excess Flood&quot; (default %1).</source>
        <translation>中斷前為傳送過快的用戶端暫存的行數，超出即以「Excess Flood」中斷（預設 %1）。</translation>
    </message>
    <message>
        <source>Bytes queued for a slow client before &quot;SendQ exceeded&quot; (default %1).</source>
        <translation>為接收過慢的用戶端排隊的位元組數，超出即以「SendQ exceeded」中斷（預設 %1）。</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>位元組數</translation>
    </message>
    <message>
        <source>Log level: debug, info, warning or error (default info).</source>
        <translation>記錄層級：debug、info、warning 或 error（預設 info）。</translation>
    </message>
    <message>
        <source>level</source>
        <translation>層級</translation>
    </message>
    <message>
        <source>Try &apos;confabd --help&apos;.</source>
        <translation>請嘗試「confabd --help」。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>非預期的引數：%1</translation>
    </message>
    <message>
        <source>Cannot read the config file %1</source>
        <translation>無法讀取設定檔 %1</translation>
    </message>
    <message>
        <source>The config file %1 is not a valid ini file</source>
        <translation>設定檔 %1 不是有效的 ini 檔案</translation>
    </message>
    <message>
        <source>Invalid value &quot;%1&quot; for --%2: %3</source>
        <translation>--%2 的值「%1」無效：%3</translation>
    </message>
    <message>
        <source>Invalid listen address: %1</source>
        <translation>無效的監聽位址：%1</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>應為 %1 到 %2 之間的整數</translation>
    </message>
    <message>
        <source>expected a number of seconds from 0.001 to 86400</source>
        <translation>應為 0.001 到 86400 之間的秒數</translation>
    </message>
    <message>
        <source>a server name has no spaces and at least one dot</source>
        <translation>伺服器名稱不能含空格，且至少含一個點</translation>
    </message>
    <message>
        <source>a network name has no spaces</source>
        <translation>網路名稱不能含空格</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>無法讀取該檔案</translation>
    </message>
    <message>
        <source>expected a number from 0 to 1000000</source>
        <translation>應為 0 到 1000000 之間的數</translation>
    </message>
    <message>
        <source>expected a number of bytes of at least 1024</source>
        <translation>應為至少 1024 的位元組數</translation>
    </message>
    <message>
        <source>not a valid channel name</source>
        <translation>不是有效的頻道名稱</translation>
    </message>
    <message>
        <source>expected debug, info, warning or error</source>
        <translation>應為 debug、info、warning 或 error</translation>
    </message>
    <message>
        <source>Run on Qt&apos;s default event loop instead of epoll (for comparison; command line only).</source>
        <translation>使用 Qt 預設的事件迴圈而非 epoll（用於比較；僅限命令列）。</translation>
    </message>
</context>
</TS>

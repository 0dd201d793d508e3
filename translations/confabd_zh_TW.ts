<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AccountAdmin</name>
    <message>
        <source>Usage: confabd [--data-dir DIR] account &lt;command&gt;
  add NAME                  create an account (asks for its password)
  passwd NAME               set a new password
  del NAME                  delete the account
  list                      list the accounts
  cert-add NAME SHA256      let a TLS client certificate log in to NAME (EXTERNAL)
  cert-del SHA256           forget a client certificate
A password is read from the terminal, or as one line from standard input.
</source>
        <translation>用法：confabd [--data-dir 目錄] account &lt;命令&gt;
  add 名稱                  建立帳號（會詢問其密碼）
  passwd 名稱               設定新密碼
  del 名稱                  刪除帳號
  list                      列出所有帳號
  cert-add 名稱 SHA256      允許一個 TLS 用戶端憑證登入該帳號（EXTERNAL）
  cert-del SHA256           移除一個用戶端憑證
密碼從終端機讀取，或從標準輸入讀取一行。
</translation>
    </message>
    <message>
        <source>confabd: %1</source>
        <translation>confabd：%1</translation>
    </message>
    <message>
        <source>confabd: cannot open the account database: %1</source>
        <translation>confabd：無法開啟帳號資料庫：%1</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密碼：</translation>
    </message>
    <message>
        <source>confabd: no password given</source>
        <translation>confabd：未提供密碼</translation>
    </message>
    <message>
        <source>confabd: a password has %1 to %2 characters</source>
        <translation>confabd：密碼須為 %1 到 %2 個字元</translation>
    </message>
    <message>
        <source>Password again: </source>
        <translation>再次輸入密碼：</translation>
    </message>
    <message>
        <source>confabd: the passwords differ</source>
        <translation>confabd：兩次輸入的密碼不一致</translation>
    </message>
    <message>
        <source>confabd: &quot;%1&quot; is not a valid account name (the rules of nicknames apply)</source>
        <translation>confabd：「%1」不是有效的帳號名稱（與暱稱規則相同）</translation>
    </message>
    <message>
        <source>confabd: the account %1 exists already</source>
        <translation>confabd：帳號 %1 已存在</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>已建立帳號 %1。</translation>
    </message>
    <message>
        <source>confabd: there is no account %1</source>
        <translation>confabd：沒有帳號 %1</translation>
    </message>
    <message>
        <source>Password of %1 changed.</source>
        <translation>已變更 %1 的密碼。</translation>
    </message>
    <message>
        <source>Account %1 deleted.</source>
        <translation>已刪除帳號 %1。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>%1  created %2  last login %3  certificates %4</source>
        <translation>%1  建立於 %2  上次登入 %3  憑證 %4 個</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n 個帳號</numerusform>
        </translation>
    </message>
    <message>
        <source>confabd: a certificate fingerprint is 64 hexadecimal digits (SHA-256), colons allowed</source>
        <translation>confabd：憑證指紋是 64 位十六進位數字（SHA-256），可含冒號</translation>
    </message>
    <message>
        <source>Certificate added to %1.</source>
        <translation>已將憑證加入 %1。</translation>
    </message>
    <message>
        <source>confabd: that certificate belongs to an account already</source>
        <translation>confabd：該憑證已屬於某個帳號</translation>
    </message>
    <message>
        <source>confabd: no account has that certificate</source>
        <translation>confabd：沒有帳號使用該憑證</translation>
    </message>
    <message>
        <source>Certificate removed.</source>
        <translation>已移除憑證。</translation>
    </message>
    <message>
        <source>confabd: the password cannot be hashed</source>
        <translation>confabd：無法對該密碼進行雜湊</translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <source>not a postgresql:// URL (postgresql://user@host:port/dbname)</source>
        <translation>不是 postgresql:// 網址（postgresql://使用者@主機:連接埠/資料庫名稱）</translation>
    </message>
    <message>
        <source>a database name cannot contain &apos;/&apos;</source>
        <translation>資料庫名稱不能包含「/」</translation>
    </message>
    <message>
        <source>a URL parameter cannot be passed on: %1</source>
        <translation>無法傳遞網址參數：%1</translation>
    </message>
</context>
<context>
    <name>RedisUrl</name>
    <message>
        <source>The Redis URL is empty.</source>
        <translation>Redis URL 為空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL.</source>
        <translation>「%1」不是有效的 URL。</translation>
    </message>
    <message>
        <source>A Redis URL has no &quot;?&quot; or &quot;#&quot; part.</source>
        <translation>Redis URL 不能含有「?」或「#」部分。</translation>
    </message>
    <message>
        <source>Write a Unix socket as unix:///path/to/socket.</source>
        <translation>Unix 通訊端請寫作 unix:///path/to/socket。</translation>
    </message>
    <message>
        <source>Redis over TLS (rediss://) is not supported.</source>
        <translation>不支援透過 TLS 連線 Redis（rediss://）。</translation>
    </message>
    <message>
        <source>A Redis URL starts with redis:// or unix://.</source>
        <translation>Redis URL 應以 redis:// 或 unix:// 開頭。</translation>
    </message>
    <message>
        <source>The Redis URL names no host.</source>
        <translation>Redis URL 中沒有主機名稱。</translation>
    </message>
    <message>
        <source>The Redis URL&apos;s port must be between 1 and 65535.</source>
        <translation>Redis URL 的連接埠必須介於 1 到 65535 之間。</translation>
    </message>
    <message>
        <source>The Redis URL names a user but no password.</source>
        <translation>Redis URL 指定了使用者卻沒有密碼。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Redis database number.</source>
        <translation>「%1」不是 Redis 資料庫編號。</translation>
    </message>
</context>
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
    <message>
        <source>Manage accounts instead of serving: confabd account add|passwd|del|list|cert-add|cert-del ... (confabd account, alone, explains).</source>
        <translation>管理帳號而不啟動服務：confabd account add|passwd|del|list|cert-add|cert-del ...（單獨執行 confabd account 可查看說明）。</translation>
    </message>
    <message>
        <source>Maximum real name length (default %1).</source>
        <translation>真實姓名最大長度（預設 %1）。</translation>
    </message>
    <message>
        <source>Keep the account database and a generated TLS certificate in &lt;dir&gt; (default %1).</source>
        <translation>將帳號資料庫和產生的 TLS 憑證保存在 &lt;目錄&gt; 中（預設 %1）。</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>目錄</translation>
    </message>
    <message>
        <source>Listen for TLS connections on &lt;port&gt; (default %1).</source>
        <translation>在 &lt;連接埠&gt; 上監聽 TLS 連線（預設 %1）。</translation>
    </message>
    <message>
        <source>Do not listen for TLS connections.</source>
        <translation>不監聽 TLS 連線。</translation>
    </message>
    <message>
        <source>Do not listen for plain-text connections (TLS only).</source>
        <translation>不監聽明文連線（僅 TLS）。</translation>
    </message>
    <message>
        <source>TLS certificate chain (PEM). Default: a self-signed one generated in the data directory.</source>
        <translation>TLS 憑證鏈（PEM）。預設：在資料目錄中產生的自簽憑證。</translation>
    </message>
    <message>
        <source>Private key of the TLS certificate (PEM).</source>
        <translation>TLS 憑證的私密金鑰（PEM）。</translation>
    </message>
    <message>
        <source>Seconds a TLS handshake may take before the connection is cut (default %1).</source>
        <translation>TLS 交握允許的秒數，逾時即中斷連線（預設 %1）。</translation>
    </message>
    <message>
        <source>PBKDF2 rounds for new and changed passwords (default %1, at least %2).</source>
        <translation>新設定或變更的密碼使用的 PBKDF2 輪數（預設 %1，至少 %2）。</translation>
    </message>
    <message>
        <source>Accept passwords (SASL PLAIN, REGISTER, OPER) over unencrypted connections from other machines.</source>
        <translation>接受來自其他機器、經未加密連線傳送的密碼（SASL PLAIN、REGISTER、OPER）。</translation>
    </message>
    <message>
        <source>Failed logins per account and per address within the login window before further tries are refused (default %1).</source>
        <translation>在登入時間窗內，每個帳號和每個位址允許的登入失敗次數，超過後拒絕繼續嘗試（預設 %1）。</translation>
    </message>
    <message>
        <source>The login window, in seconds (default %1).</source>
        <translation>登入時間窗，單位為秒（預設 %1）。</translation>
    </message>
    <message>
        <source>Accounts one address may register within the registration window (default %1).</source>
        <translation>在註冊時間窗內，一個位址可註冊的帳號數（預設 %1）。</translation>
    </message>
    <message>
        <source>The registration window, in seconds (default %1).</source>
        <translation>註冊時間窗，單位為秒（預設 %1）。</translation>
    </message>
    <message>
        <source>--no-plain and --no-tls leave nothing to listen on</source>
        <translation>同時使用 --no-plain 和 --no-tls 將沒有可監聽的連接埠</translation>
    </message>
    <message>
        <source>a directory is needed</source>
        <translation>需要指定一個目錄</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert 和 --tls-key 必須同時使用</translation>
    </message>
    <message>
        <source>Maximum nicknames on one user&apos;s MONITOR list (default %1).</source>
        <translation>每位使用者 MONITOR 清單中暱稱的最大數量（預設 %1）。</translation>
    </message>
    <message>
        <source>Do not store message history (no CHATHISTORY, no offline messages).</source>
        <translation>不儲存訊息歷史（沒有 CHATHISTORY，也沒有離線訊息）。</translation>
    </message>
    <message>
        <source>Days history is kept; 0 keeps it forever (default %1).</source>
        <translation>歷史保留的天數；0 表示永久保留（預設 %1）。</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天數</translation>
    </message>
    <message>
        <source>Messages kept per room or conversation; 0 keeps all (default %1).</source>
        <translation>每個聊天室或對話保留的訊息數；0 表示全部保留（預設 %1）。</translation>
    </message>
    <message>
        <source>Megabytes the database may grow to with history; beyond it new messages are relayed but not stored (default: no limit).</source>
        <translation>資料庫因歷史可成長到的百萬位元組數；超過後新訊息照常轉送但不再儲存（預設：不限）。</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>Messages waiting to be stored before the server stops reading from clients until the store catches up (default %1).</source>
        <translation>等待儲存的訊息達到此數量時，伺服器暫停讀取用戶端，直到儲存趕上（預設 %1）。</translation>
    </message>
    <message>
        <source>Messages one CHATHISTORY request may return (default %1, at most %2).</source>
        <translation>一次 CHATHISTORY 請求最多傳回的訊息數（預設 %1，最多 %2）。</translation>
    </message>
    <message>
        <source>CHATHISTORY requests one client may make per minute (default %1).</source>
        <translation>每個用戶端每分鐘可發出的 CHATHISTORY 請求數（預設 %1）。</translation>
    </message>
    <message>
        <source>Print the hash of a password (read from the terminal or standard input) for an operator block of the config file.</source>
        <translation>列印一個密碼的雜湊值（從終端機或標準輸入讀取），用於設定檔中的操作員區塊。</translation>
    </message>
    <message>
        <source>Let operators stop the server with DIE.</source>
        <translation>允許操作員用 DIE 停止伺服器。</translation>
    </message>
    <message>
        <source>Failed OPER attempts from one address within the OPER window before further tries are refused (default %1).</source>
        <translation>在 OPER 時間窗內，同一位址的 OPER 失敗次數達到此值後拒絕再次嘗試（預設 %1）。</translation>
    </message>
    <message>
        <source>The OPER window, in seconds (default %1).</source>
        <translation>OPER 時間窗，單位為秒（預設 %1）。</translation>
    </message>
    <message>
        <source>Seconds between two notices to operators about the same kind of problem (default %1).</source>
        <translation>就同一類問題向操作員發送兩次通知之間的秒數（預設 %1）。</translation>
    </message>
    <message>
        <source>Invalid operator name &quot;%1&quot; in the config file</source>
        <translation>設定檔中的操作員名稱「%1」無效</translation>
    </message>
    <message>
        <source>The operator block %1 needs a password hash made with &apos;confabd mkpasswd&apos;</source>
        <translation>操作員區塊 %1 需要用「confabd mkpasswd」產生的密碼雜湊</translation>
    </message>
    <message>
        <source>Past nicknames remembered for WHOWAS, in all (default %1; 0: none).</source>
        <translation>WHOWAS 記住的歷史暱稱總數（預設 %1；0：不記）。</translation>
    </message>
    <message>
        <source>Bytes of text one multi-line message (draft/multiline) may carry (default %1).</source>
        <translation>一則多行訊息（draft/multiline）最多可含的文字位元組數（預設 %1）。</translation>
    </message>
    <message>
        <source>Lines one multi-line message (draft/multiline) may have (default %1).</source>
        <translation>一則多行訊息（draft/multiline）最多可有的行數（預設 %1）。</translation>
    </message>
    <message>
        <source>Do not let users register accounts (REGISTER); accounts are made with &quot;confabd account add&quot;.</source>
        <translation>不允許使用者自行註冊帳號（REGISTER）；帳號由「confabd account add」建立。</translation>
    </message>
    <message>
        <source>Serve the UDP chat room on &lt;port&gt; of every listen address and bridge it into a room (default: off).</source>
        <translation>在每個監聽位址的 &lt;port&gt; 連接埠上提供 UDP 聊天室，並將其橋接到一個聊天室（預設：關閉）。</translation>
    </message>
    <message>
        <source>Room the UDP chat room is bridged into (default %1).</source>
        <translation>UDP 聊天室橋接到的聊天室（預設 %1）。</translation>
    </message>
    <message>
        <source>Maximum UDP chat room members at once (default %1).</source>
        <translation>UDP 聊天室同時在線成員的上限（預設 %1）。</translation>
    </message>
    <message>
        <source>Seconds of silence before a UDP chat room member is forgotten (default %1).</source>
        <translation>UDP 聊天室成員靜默多少秒後被移除（預設 %1）。</translation>
    </message>
    <message>
        <source>Datagrams per second one address may send to the UDP chat room on average; 0 disables (default %1).</source>
        <translation>每個位址平均每秒可向 UDP 聊天室傳送的資料包數；0 表示不限制（預設 %1）。</translation>
    </message>
    <message>
        <source>Datagrams one address may send to the UDP chat room at once (default %1).</source>
        <translation>每個位址可一次向 UDP 聊天室傳送的資料包數（預設 %1）。</translation>
    </message>
    <message>
        <source>Do not announce the server on the local network (DNS-SD over multicast DNS, through Avahi).</source>
        <translation>不在區域網路上宣告本伺服器（透過 Avahi 的多點傳送 DNS 服務探索 DNS-SD）。</translation>
    </message>
    <message>
        <source>Name the server is announced under on the local network (default: the network name, or &quot;Confab on &lt;host name&gt;&quot;).</source>
        <translation>在區域網路上宣告伺服器時使用的名稱（預設：網路名稱，或「Confab on &lt;主機名稱&gt;」）。</translation>
    </message>
    <message>
        <source>Do not host files and pictures (the HTTPS file host is on by default with TLS).</source>
        <translation>不託管檔案和圖片（啟用 TLS 時 HTTPS 檔案服務預設開啟）。</translation>
    </message>
    <message>
        <source>Port of the HTTPS file host on every listen address (default %1).</source>
        <translation>HTTPS 檔案服務在每個監聽位址上的連接埠（預設 %1）。</translation>
    </message>
    <message>
        <source>Scheme, host and port clients reach the file host at, e.g. https://chat.example.org:%1 (default: the address each client connected to).</source>
        <translation>用戶端存取檔案服務所用的協定、主機和連接埠，例如 https://chat.example.org:%1（預設：每個用戶端所連線的位址）。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>網址</translation>
    </message>
    <message>
        <source>Megabytes one upload may have (default %1).</source>
        <translation>單次上傳的最大百萬位元組數（預設 %1）。</translation>
    </message>
    <message>
        <source>Megabytes one account&apos;s uploads may take together (default %1).</source>
        <translation>一個帳號的所有上傳合計可佔用的百萬位元組數（預設 %1）。</translation>
    </message>
    <message>
        <source>Days uploads are kept; 0 keeps them forever (default %1).</source>
        <translation>上傳檔案保留的天數；0 表示永久保留（預設 %1）。</translation>
    </message>
    <message>
        <source>Seconds a file host connection may stay silent before it is closed (default %1).</source>
        <translation>檔案服務連線無資料多少秒後關閉（預設 %1）。</translation>
    </message>
    <message>
        <source>Seconds one upload may take before it is refused as too slow (default %1).</source>
        <translation>單次上傳允許的秒數，逾時則因過慢被拒絕（預設 %1）。</translation>
    </message>
    <message>
        <source>File host connections at once (default %1).</source>
        <translation>檔案服務同時允許的連線數（預設 %1）。</translation>
    </message>
    <message>
        <source>File host connections from one address at once (default %1).</source>
        <translation>檔案服務同時允許來自同一位址的連線數（預設 %1）。</translation>
    </message>
    <message>
        <source>expected https://host or https://host:port, without a path</source>
        <translation>應為 https://主機 或 https://主機:連接埠，不含路徑</translation>
    </message>
    <message>
        <source>Keep accounts and history in the PostgreSQL database &lt;url&gt; (postgresql://user@host:port/dbname), shared by the nodes of a cluster, instead of SQLite in the data directory. A password is best left to ~/.pgpass or PGPASSWORD.</source>
        <translation>將帳號與歷史記錄保存在 PostgreSQL 資料庫 &lt;url&gt;（postgresql://使用者@主機:連接埠/資料庫名稱）中，由叢集的各個節點共用，而非保存在資料目錄的 SQLite 中。密碼最好交給 ~/.pgpass 或 PGPASSWORD。</translation>
    </message>
    <message>
        <source>Join the cluster whose nodes meet in the Redis server &lt;url&gt; (redis://host:port); needs --database, the PostgreSQL database the nodes share.</source>
        <translation>加入以 Redis 伺服器 &lt;url&gt;（redis://host:port）為匯合點的叢集；需要 --database，即各節點共用的 PostgreSQL 資料庫。</translation>
    </message>
    <message>
        <source>This node&apos;s name in the cluster, unique among its nodes (default: the host name).</source>
        <translation>本節點在叢集中的名稱，在各節點中必須唯一（預設：主機名稱）。</translation>
    </message>
    <message>
        <source>Milliseconds after which a node that stopped renewing its lease is taken for dead, and its users quit (default %1).</source>
        <translation>節點停止續租多少毫秒後被視為失聯，其使用者隨之離開（預設 %1）。</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>the nodes of a cluster share a PostgreSQL database: give --database</source>
        <translation>叢集的各節點共用一個 PostgreSQL 資料庫：請指定 --database</translation>
    </message>
    <message>
        <source>letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; only, at most %1 of them</source>
        <translation>只能使用字母、數字、「-」、「_」和「.」，最多 %1 個</translation>
    </message>
    <message>
        <source>Event-loop threads: one keeps users, rooms and TLS connections, the others read and write the plain connections; 0 means one per processor core (default %1).</source>
        <translation>事件迴圈執行緒數：一個執行緒負責使用者、聊天室與 TLS 連線，其餘執行緒讀寫明文連線；0 表示每個處理器核心一個（預設 %1）。</translation>
    </message>
    <message>
        <source>Messages stored in one transaction once that many wait (default %1); fewer go within %2 ms, or %3 ms on a busy server.</source>
        <translation>等待儲存的訊息達到此數量時一次寫入一個交易（預設 %1）；不足此數量時在 %2 毫秒內寫入，伺服器忙碌時在 %3 毫秒內寫入。</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ServerOptions</name>
    <message>
        <source>Confab chat server: a small IRC server for a local network.</source>
        <translation>Confab 聊天服务器：用于局域网的小型 IRC 服务器。</translation>
    </message>
    <message>
        <source>Listen on &lt;address&gt; (IPv4 or IPv6; repeat for several). Default: every address.</source>
        <translation>在 &lt;地址&gt; 上监听（IPv4 或 IPv6；可重复指定多个）。默认：所有地址。</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Listen on &lt;port&gt; (default %1).</source>
        <translation>在端口 &lt;端口&gt; 上监听（默认 %1）。</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Read options from the ini &lt;file&gt;; options given here override it.</source>
        <translation>从 ini 文件 &lt;文件&gt; 读取选项；命令行中给出的选项优先。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Server name shown to clients (default %1).</source>
        <translation>向客户端显示的服务器名称（默认 %1）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Network name shown to clients (default %1).</source>
        <translation>向客户端显示的网络名称（默认 %1）。</translation>
    </message>
    <message>
        <source>Require this connection password (PASS).</source>
        <translation>要求使用此连接密码（PASS）。</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Send the text of &lt;file&gt; as message of the day.</source>
        <translation>将 &lt;文件&gt; 的内容作为每日消息发送。</translation>
    </message>
    <message>
        <source>Room every user joins on login (default %1).</source>
        <translation>每个用户登录时加入的聊天室（默认 %1）。</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Do not join users to the default room on login.</source>
        <translation>登录时不让用户加入默认聊天室。</translation>
    </message>
    <message>
        <source>Maximum simultaneous connections (default %1).</source>
        <translation>最大同时连接数（默认 %1）。</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Maximum connections from one address (default %1).</source>
        <translation>来自同一地址的最大连接数（默认 %1）。</translation>
    </message>
    <message>
        <source>Maximum rooms one user may join (default %1).</source>
        <translation>每个用户最多可加入的聊天室数（默认 %1）。</translation>
    </message>
    <message>
        <source>Maximum nickname length (default %1).</source>
        <translation>昵称最大长度（默认 %1）。</translation>
    </message>
    <message>
        <source>chars</source>
        <translation>字符数</translation>
    </message>
    <message>
        <source>Maximum room name length (default %1).</source>
        <translation>聊天室名称最大长度（默认 %1）。</translation>
    </message>
    <message>
        <source>Maximum topic length (default %1).</source>
        <translation>主题最大长度（默认 %1）。</translation>
    </message>
    <message>
        <source>Maximum away message length (default %1).</source>
        <translation>离开消息最大长度（默认 %1）。</translation>
    </message>
    <message>
        <source>Maximum kick reason length (default %1).</source>
        <translation>踢出原因最大长度（默认 %1）。</translation>
    </message>
    <message>
        <source>Maximum recipients of one message (default %1).</source>
        <translation>一条消息的最大接收者数（默认 %1）。</translation>
    </message>
    <message>
        <source>Seconds of silence before the server sends PING (default %1).</source>
        <translation>服务器发送 PING 前的静默秒数（默认 %1）。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Seconds to answer a PING before being dropped (default %1).</source>
        <translation>回应 PING 的秒数，超时即断开（默认 %1）。</translation>
    </message>
    <message>
        <source>Seconds to complete login before being dropped (default %1).</source>
        <translation>完成登录的秒数，超时即断开（默认 %1）。</translation>
    </message>
    <message>
        <source>Lines a client may send at once (default %1).</source>
        <translation>客户端一次最多可发送的行数（默认 %1）。</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Lines per second a client may send on average; 0 disables (default %1).</source>
        <translation>客户端平均每秒可发送的行数；0 表示不限制（默认 %1）。</translation>
    </message>
    <message>
        <source>Lines held back from a fast client before &quot;Excess Flood&quot; (default %1).</source>
        <translation>断开前为发送过快的客户端暂存的行数，超出即以 “Excess Flood” 断开（默认 %1）。</translation>
    </message>
    <message>
        <source>Bytes queued for a slow client before &quot;SendQ exceeded&quot; (default %1).</source>
        <translation>为接收过慢的客户端排队的字节数，超出即以 “SendQ exceeded” 断开（默认 %1）。</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>Log level: debug, info, warning or error (default info).</source>
        <translation>日志级别：debug、info、warning 或 error（默认 info）。</translation>
    </message>
    <message>
        <source>level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Try &apos;confabd --help&apos;.</source>
        <translation>请尝试 “confabd --help”。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>Cannot read the config file %1</source>
        <translation>无法读取配置文件 %1</translation>
    </message>
    <message>
        <source>The config file %1 is not a valid ini file</source>
        <translation>配置文件 %1 不是有效的 ini 文件</translation>
    </message>
    <message>
        <source>Invalid value &quot;%1&quot; for --%2: %3</source>
        <translation>--%2 的值 “%1” 无效：%3</translation>
    </message>
    <message>
        <source>Invalid listen address: %1</source>
        <translation>无效的监听地址：%1</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>应为 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>expected a number of seconds from 0.001 to 86400</source>
        <translation>应为 0.001 到 86400 之间的秒数</translation>
    </message>
    <message>
        <source>a server name has no spaces and at least one dot</source>
        <translation>服务器名称不能含空格，且至少含一个点</translation>
    </message>
    <message>
        <source>a network name has no spaces</source>
        <translation>网络名称不能含空格</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <source>expected a number from 0 to 1000000</source>
        <translation>应为 0 到 1000000 之间的数</translation>
    </message>
    <message>
        <source>expected a number of bytes of at least 1024</source>
        <translation>应为至少 1024 的字节数</translation>
    </message>
    <message>
        <source>not a valid channel name</source>
        <translation>不是有效的频道名称</translation>
    </message>
    <message>
        <source>expected debug, info, warning or error</source>
        <translation>应为 debug、info、warning 或 error</translation>
    </message>
    <message>
        <source>Run on Qt&apos;s default event loop instead of epoll (for comparison; command line only).</source>
        <translation>使用 Qt 默认的事件循环而不是 epoll（用于比较；仅限命令行）。</translation>
    </message>
</context>
</TS>

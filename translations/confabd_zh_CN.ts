<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <translation>用法：confabd [--data-dir 目录] account &lt;命令&gt;
  add 名称                  创建账号（会询问其密码）
  passwd 名称               设置新密码
  del 名称                  删除账号
  list                      列出所有账号
  cert-add 名称 SHA256      允许一个 TLS 客户端证书登录到该账号（EXTERNAL）
  cert-del SHA256           移除一个客户端证书
密码从终端读取，或从标准输入读取一行。
</translation>
    </message>
    <message>
        <source>confabd: %1</source>
        <translation>confabd：%1</translation>
    </message>
    <message>
        <source>confabd: cannot open the account database: %1</source>
        <translation>confabd：无法打开账号数据库：%1</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>confabd: no password given</source>
        <translation>confabd：未提供密码</translation>
    </message>
    <message>
        <source>confabd: a password has %1 to %2 characters</source>
        <translation>confabd：密码须为 %1 到 %2 个字符</translation>
    </message>
    <message>
        <source>Password again: </source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>confabd: the passwords differ</source>
        <translation>confabd：两次输入的密码不一致</translation>
    </message>
    <message>
        <source>confabd: &quot;%1&quot; is not a valid account name (the rules of nicknames apply)</source>
        <translation>confabd：“%1” 不是有效的账号名（与昵称规则相同）</translation>
    </message>
    <message>
        <source>confabd: the account %1 exists already</source>
        <translation>confabd：账号 %1 已存在</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>已创建账号 %1。</translation>
    </message>
    <message>
        <source>confabd: there is no account %1</source>
        <translation>confabd：没有账号 %1</translation>
    </message>
    <message>
        <source>Password of %1 changed.</source>
        <translation>已更改 %1 的密码。</translation>
    </message>
    <message>
        <source>Account %1 deleted.</source>
        <translation>已删除账号 %1。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1  created %2  last login %3  certificates %4</source>
        <translation>%1  创建于 %2  上次登录 %3  证书 %4 个</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n 个账号</numerusform>
        </translation>
    </message>
    <message>
        <source>confabd: a certificate fingerprint is 64 hexadecimal digits (SHA-256), colons allowed</source>
        <translation>confabd：证书指纹是 64 位十六进制数字（SHA-256），可含冒号</translation>
    </message>
    <message>
        <source>Certificate added to %1.</source>
        <translation>已将证书添加到 %1。</translation>
    </message>
    <message>
        <source>confabd: that certificate belongs to an account already</source>
        <translation>confabd：该证书已属于某个账号</translation>
    </message>
    <message>
        <source>confabd: no account has that certificate</source>
        <translation>confabd：没有账号使用该证书</translation>
    </message>
    <message>
        <source>Certificate removed.</source>
        <translation>已移除证书。</translation>
    </message>
    <message>
        <source>confabd: the password cannot be hashed</source>
        <translation>confabd：无法对该密码进行哈希</translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <source>not a postgresql:// URL (postgresql://user@host:port/dbname)</source>
        <translation>不是 postgresql:// 网址（postgresql://用户@主机:端口/数据库名）</translation>
    </message>
    <message>
        <source>a database name cannot contain &apos;/&apos;</source>
        <translation>数据库名不能包含“/”</translation>
    </message>
    <message>
        <source>a URL parameter cannot be passed on: %1</source>
        <translation>无法传递网址参数：%1</translation>
    </message>
</context>
<context>
    <name>RedisUrl</name>
    <message>
        <source>The Redis URL is empty.</source>
        <translation>Redis URL 为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL.</source>
        <translation>“%1”不是有效的 URL。</translation>
    </message>
    <message>
        <source>A Redis URL has no &quot;?&quot; or &quot;#&quot; part.</source>
        <translation>Redis URL 不能含有“?”或“#”部分。</translation>
    </message>
    <message>
        <source>Write a Unix socket as unix:///path/to/socket.</source>
        <translation>Unix 套接字请写作 unix:///path/to/socket。</translation>
    </message>
    <message>
        <source>Redis over TLS (rediss://) is not supported.</source>
        <translation>不支持通过 TLS 连接 Redis（rediss://）。</translation>
    </message>
    <message>
        <source>A Redis URL starts with redis:// or unix://.</source>
        <translation>Redis URL 应以 redis:// 或 unix:// 开头。</translation>
    </message>
    <message>
        <source>The Redis URL names no host.</source>
        <translation>Redis URL 中没有主机名。</translation>
    </message>
    <message>
        <source>The Redis URL&apos;s port must be between 1 and 65535.</source>
        <translation>Redis URL 的端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>The Redis URL names a user but no password.</source>
        <translation>Redis URL 指定了用户却没有密码。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Redis database number.</source>
        <translation>“%1”不是 Redis 数据库编号。</translation>
    </message>
</context>
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
    <message>
        <source>Manage accounts instead of serving: confabd account add|passwd|del|list|cert-add|cert-del ... (confabd account, alone, explains).</source>
        <translation>管理账号而不启动服务：confabd account add|passwd|del|list|cert-add|cert-del ...（单独运行 confabd account 可查看说明）。</translation>
    </message>
    <message>
        <source>Maximum real name length (default %1).</source>
        <translation>真实姓名最大长度（默认 %1）。</translation>
    </message>
    <message>
        <source>Keep the account database and a generated TLS certificate in &lt;dir&gt; (default %1).</source>
        <translation>将账号数据库和生成的 TLS 证书保存在 &lt;目录&gt; 中（默认 %1）。</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Listen for TLS connections on &lt;port&gt; (default %1).</source>
        <translation>在 &lt;端口&gt; 上监听 TLS 连接（默认 %1）。</translation>
    </message>
    <message>
        <source>Do not listen for TLS connections.</source>
        <translation>不监听 TLS 连接。</translation>
    </message>
    <message>
        <source>Do not listen for plain-text connections (TLS only).</source>
        <translation>不监听明文连接（仅 TLS）。</translation>
    </message>
    <message>
        <source>TLS certificate chain (PEM). Default: a self-signed one generated in the data directory.</source>
        <translation>TLS 证书链（PEM）。默认：在数据目录中生成的自签名证书。</translation>
    </message>
    <message>
        <source>Private key of the TLS certificate (PEM).</source>
        <translation>TLS 证书的私钥（PEM）。</translation>
    </message>
    <message>
        <source>Seconds a TLS handshake may take before the connection is cut (default %1).</source>
        <translation>TLS 握手允许的秒数，超时即断开连接（默认 %1）。</translation>
    </message>
    <message>
        <source>PBKDF2 rounds for new and changed passwords (default %1, at least %2).</source>
        <translation>新设置或更改的密码使用的 PBKDF2 轮数（默认 %1，至少 %2）。</translation>
    </message>
    <message>
        <source>Accept passwords (SASL PLAIN, REGISTER, OPER) over unencrypted connections from other machines.</source>
        <translation>接受来自其他机器、经未加密连接发送的密码（SASL PLAIN、REGISTER、OPER）。</translation>
    </message>
    <message>
        <source>Failed logins per account and per address within the login window before further tries are refused (default %1).</source>
        <translation>在登录时间窗内，每个账号和每个地址允许的登录失败次数，超过后拒绝继续尝试（默认 %1）。</translation>
    </message>
    <message>
        <source>The login window, in seconds (default %1).</source>
        <translation>登录时间窗，单位为秒（默认 %1）。</translation>
    </message>
    <message>
        <source>Accounts one address may register within the registration window (default %1).</source>
        <translation>在注册时间窗内，一个地址可注册的账号数（默认 %1）。</translation>
    </message>
    <message>
        <source>The registration window, in seconds (default %1).</source>
        <translation>注册时间窗，单位为秒（默认 %1）。</translation>
    </message>
    <message>
        <source>--no-plain and --no-tls leave nothing to listen on</source>
        <translation>同时使用 --no-plain 和 --no-tls 将没有可监听的端口</translation>
    </message>
    <message>
        <source>a directory is needed</source>
        <translation>需要指定一个目录</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert 和 --tls-key 必须同时使用</translation>
    </message>
    <message>
        <source>Maximum nicknames on one user&apos;s MONITOR list (default %1).</source>
        <translation>每个用户 MONITOR 列表中昵称的最大数量（默认 %1）。</translation>
    </message>
    <message>
        <source>Do not store message history (no CHATHISTORY, no offline messages).</source>
        <translation>不保存消息历史（没有 CHATHISTORY，也没有离线消息）。</translation>
    </message>
    <message>
        <source>Days history is kept; 0 keeps it forever (default %1).</source>
        <translation>历史保留的天数；0 表示永久保留（默认 %1）。</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Messages kept per room or conversation; 0 keeps all (default %1).</source>
        <translation>每个聊天室或会话保留的消息数；0 表示全部保留（默认 %1）。</translation>
    </message>
    <message>
        <source>Megabytes the database may grow to with history; beyond it new messages are relayed but not stored (default: no limit).</source>
        <translation>数据库因历史可增长到的兆字节数；超过后新消息照常转发但不再保存（默认：不限）。</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>Messages waiting to be stored before the server stops reading from clients until the store catches up (default %1).</source>
        <translation>等待保存的消息达到此数量时，服务器暂停读取客户端，直到存储赶上（默认 %1）。</translation>
    </message>
    <message>
        <source>Messages one CHATHISTORY request may return (default %1, at most %2).</source>
        <translation>一次 CHATHISTORY 请求最多返回的消息数（默认 %1，最多 %2）。</translation>
    </message>
    <message>
        <source>CHATHISTORY requests one client may make per minute (default %1).</source>
        <translation>每个客户端每分钟可发出的 CHATHISTORY 请求数（默认 %1）。</translation>
    </message>
    <message>
        <source>Print the hash of a password (read from the terminal or standard input) for an operator block of the config file.</source>
        <translation>打印一个密码的哈希值（从终端或标准输入读取），用于配置文件中的操作员块。</translation>
    </message>
    <message>
        <source>Let operators stop the server with DIE.</source>
        <translation>允许操作员用 DIE 停止服务器。</translation>
    </message>
    <message>
        <source>Failed OPER attempts from one address within the OPER window before further tries are refused (default %1).</source>
        <translation>在 OPER 时间窗口内，同一地址的 OPER 失败次数达到此值后拒绝再次尝试（默认 %1）。</translation>
    </message>
    <message>
        <source>The OPER window, in seconds (default %1).</source>
        <translation>OPER 时间窗口，单位为秒（默认 %1）。</translation>
    </message>
    <message>
        <source>Seconds between two notices to operators about the same kind of problem (default %1).</source>
        <translation>就同一类问题向操作员发送两次通知之间的秒数（默认 %1）。</translation>
    </message>
    <message>
        <source>Invalid operator name &quot;%1&quot; in the config file</source>
        <translation>配置文件中的操作员名称“%1”无效</translation>
    </message>
    <message>
        <source>The operator block %1 needs a password hash made with &apos;confabd mkpasswd&apos;</source>
        <translation>操作员块 %1 需要用“confabd mkpasswd”生成的密码哈希</translation>
    </message>
    <message>
        <source>Past nicknames remembered for WHOWAS, in all (default %1; 0: none).</source>
        <translation>WHOWAS 记住的历史昵称总数（默认 %1；0：不记）。</translation>
    </message>
    <message>
        <source>Bytes of text one multi-line message (draft/multiline) may carry (default %1).</source>
        <translation>一条多行消息（draft/multiline）最多可含的文本字节数（默认 %1）。</translation>
    </message>
    <message>
        <source>Lines one multi-line message (draft/multiline) may have (default %1).</source>
        <translation>一条多行消息（draft/multiline）最多可有的行数（默认 %1）。</translation>
    </message>
    <message>
        <source>Do not let users register accounts (REGISTER); accounts are made with &quot;confabd account add&quot;.</source>
        <translation>不允许用户自行注册账号（REGISTER）；账号由“confabd account add”创建。</translation>
    </message>
    <message>
        <source>Serve the UDP chat room on &lt;port&gt; of every listen address and bridge it into a room (default: off).</source>
        <translation>在每个监听地址的 &lt;port&gt; 端口上提供 UDP 聊天室，并将其桥接到一个聊天室（默认：关闭）。</translation>
    </message>
    <message>
        <source>Room the UDP chat room is bridged into (default %1).</source>
        <translation>UDP 聊天室桥接到的聊天室（默认 %1）。</translation>
    </message>
    <message>
        <source>Maximum UDP chat room members at once (default %1).</source>
        <translation>UDP 聊天室同时在线成员的上限（默认 %1）。</translation>
    </message>
    <message>
        <source>Seconds of silence before a UDP chat room member is forgotten (default %1).</source>
        <translation>UDP 聊天室成员静默多少秒后被移除（默认 %1）。</translation>
    </message>
    <message>
        <source>Datagrams per second one address may send to the UDP chat room on average; 0 disables (default %1).</source>
        <translation>每个地址平均每秒可向 UDP 聊天室发送的数据报数；0 表示不限制（默认 %1）。</translation>
    </message>
    <message>
        <source>Datagrams one address may send to the UDP chat room at once (default %1).</source>
        <translation>每个地址可一次性向 UDP 聊天室发送的数据报数（默认 %1）。</translation>
    </message>
    <message>
        <source>Do not announce the server on the local network (DNS-SD over multicast DNS, through Avahi).</source>
        <translation>不在局域网中宣告本服务器（通过 Avahi 的多播 DNS 服务发现 DNS-SD）。</translation>
    </message>
    <message>
        <source>Name the server is announced under on the local network (default: the network name, or &quot;Confab on &lt;host name&gt;&quot;).</source>
        <translation>在局域网中宣告服务器时使用的名称（默认：网络名称，或“Confab on &lt;主机名&gt;”）。</translation>
    </message>
    <message>
        <source>Do not host files and pictures (the HTTPS file host is on by default with TLS).</source>
        <translation>不托管文件和图片（启用 TLS 时 HTTPS 文件服务默认开启）。</translation>
    </message>
    <message>
        <source>Port of the HTTPS file host on every listen address (default %1).</source>
        <translation>HTTPS 文件服务在每个监听地址上的端口（默认 %1）。</translation>
    </message>
    <message>
        <source>Scheme, host and port clients reach the file host at, e.g. https://chat.example.org:%1 (default: the address each client connected to).</source>
        <translation>客户端访问文件服务所用的协议、主机和端口，例如 https://chat.example.org:%1（默认：每个客户端所连接的地址）。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Megabytes one upload may have (default %1).</source>
        <translation>单次上传的最大兆字节数（默认 %1）。</translation>
    </message>
    <message>
        <source>Megabytes one account&apos;s uploads may take together (default %1).</source>
        <translation>一个账户的所有上传合计可占用的兆字节数（默认 %1）。</translation>
    </message>
    <message>
        <source>Days uploads are kept; 0 keeps them forever (default %1).</source>
        <translation>上传文件保留的天数；0 表示永久保留（默认 %1）。</translation>
    </message>
    <message>
        <source>Seconds a file host connection may stay silent before it is closed (default %1).</source>
        <translation>文件服务连接无数据多少秒后关闭（默认 %1）。</translation>
    </message>
    <message>
        <source>Seconds one upload may take before it is refused as too slow (default %1).</source>
        <translation>单次上传允许的秒数，超时则因过慢被拒绝（默认 %1）。</translation>
    </message>
    <message>
        <source>File host connections at once (default %1).</source>
        <translation>文件服务同时允许的连接数（默认 %1）。</translation>
    </message>
    <message>
        <source>File host connections from one address at once (default %1).</source>
        <translation>文件服务同时允许来自同一地址的连接数（默认 %1）。</translation>
    </message>
    <message>
        <source>expected https://host or https://host:port, without a path</source>
        <translation>应为 https://主机 或 https://主机:端口，不带路径</translation>
    </message>
    <message>
        <source>Keep accounts and history in the PostgreSQL database &lt;url&gt; (postgresql://user@host:port/dbname), shared by the nodes of a cluster, instead of SQLite in the data directory. A password is best left to ~/.pgpass or PGPASSWORD.</source>
        <translation>将帐户和历史记录保存在 PostgreSQL 数据库 &lt;url&gt;（postgresql://用户@主机:端口/数据库名）中，由集群的各个节点共享，而不是保存在数据目录的 SQLite 中。密码最好交给 ~/.pgpass 或 PGPASSWORD。</translation>
    </message>
    <message>
        <source>Join the cluster whose nodes meet in the Redis server &lt;url&gt; (redis://host:port); needs --database, the PostgreSQL database the nodes share.</source>
        <translation>加入以 Redis 服务器 &lt;url&gt;（redis://host:port）为汇合点的集群；需要 --database，即各节点共用的 PostgreSQL 数据库。</translation>
    </message>
    <message>
        <source>This node&apos;s name in the cluster, unique among its nodes (default: the host name).</source>
        <translation>本节点在集群中的名称，在各节点中必须唯一（默认：主机名）。</translation>
    </message>
    <message>
        <source>Milliseconds after which a node that stopped renewing its lease is taken for dead, and its users quit (default %1).</source>
        <translation>节点停止续租多少毫秒后被视为失联，其用户随之退出（默认 %1）。</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>the nodes of a cluster share a PostgreSQL database: give --database</source>
        <translation>集群的各节点共用一个 PostgreSQL 数据库：请指定 --database</translation>
    </message>
    <message>
        <source>letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; only, at most %1 of them</source>
        <translation>只能使用字母、数字、“-”、“_”和“.”，最多 %1 个</translation>
    </message>
    <message>
        <source>Event-loop threads: one keeps users, rooms and TLS connections, the others read and write the plain connections; 0 means one per processor core (default %1).</source>
        <translation>事件循环线程数：一个线程负责用户、聊天室和 TLS 连接，其余线程读写明文连接；0 表示每个处理器核心一个（默认 %1）。</translation>
    </message>
    <message>
        <source>Messages stored in one transaction once that many wait (default %1); fewer go within %2 ms, or %3 ms on a busy server.</source>
        <translation>等待保存的消息达到此数量时一次性写入一个事务（默认 %1）；不足此数量时在 %2 毫秒内写入，服务器繁忙时在 %3 毫秒内写入。</translation>
    </message>
</context>
</TS>

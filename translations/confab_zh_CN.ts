<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CertificateDialog</name>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation>服务器的证书已更改</translation>
    </message>
    <message>
        <source>Warning: %1 presents a different certificate from the one you trusted before. The administrator may have replaced it, or someone may be intercepting your connection. Do not continue unless the server&apos;s administrator confirms the new fingerprint.</source>
        <translation>警告：%1 出示的证书与您之前信任的不同。可能是管理员更换了证书，也可能有人正在截获您的连接。除非服务器管理员确认了新的指纹，否则请不要继续。</translation>
    </message>
    <message>
        <source>New certificate (SHA-256 fingerprint):</source>
        <translation>新证书（SHA-256 指纹）：</translation>
    </message>
    <message>
        <source>Trusted before:</source>
        <translation>之前信任的：</translation>
    </message>
    <message>
        <source>&amp;Trust the new certificate</source>
        <translation>信任新证书(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t connect</source>
        <translation>不连接(&amp;D)</translation>
    </message>
    <message>
        <source>Confirm the server&apos;s certificate</source>
        <translation>确认服务器的证书</translation>
    </message>
    <message>
        <source>You are connecting to %1 for the first time. Its certificate is not signed by an authority your system knows, which is usual on a local network. Check that this fingerprint matches the one the server&apos;s administrator gave you.</source>
        <translation>您是第一次连接到 %1。它的证书不是由您的系统认识的机构签发的，这在局域网中很常见。请核对此指纹是否与服务器管理员提供给您的一致。</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 指纹：</translation>
    </message>
    <message>
        <source>&amp;Trust and connect</source>
        <translation>信任并连接(&amp;T)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Once trusted, this certificate is remembered for %1 and not asked about again.</source>
        <translation>信任后，将为 %1 记住此证书，不会再次询问。</translation>
    </message>
    <message>
        <source>Issued to: %1</source>
        <translation>颁发给：%1</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>Issued by: itself (self-signed)</source>
        <translation>颁发者：自身（自签名）</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>颁发者：%1</translation>
    </message>
    <message>
        <source>Valid until: %1</source>
        <translation>有效期至：%1</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>%1 is one of your contacts already</source>
        <translation>%1 已经是你的联系人</translation>
    </message>
    <message>
        <source>“%1” is not a name people can have</source>
        <translation>“%1”不是有效的用户名</translation>
    </message>
    <message>
        <source>You have %1 contacts, as many as can be kept: remove one first</source>
        <translation>你已有 %1 个联系人，已达上限：请先删除一个</translation>
    </message>
</context>
<context>
    <name>ChatInput</name>
    <message>
        <source>Insert &amp;emoji…</source>
        <translation>插入表情符号(&amp;E)…</translation>
    </message>
    <message>
        <source>Insert an emoji (%1)</source>
        <translation>插入表情符号（%1）</translation>
    </message>
</context>
<context>
    <name>ConnectionSecurityIndicator</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>The next connection will be encrypted (TLS).</source>
        <translation>下次连接将被加密（TLS）。</translation>
    </message>
    <message>
        <source>The next connection will not be encrypted.</source>
        <translation>下次连接将不加密。</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>Messages to and from %1 travel unencrypted. Choose “Secure connection (TLS)” when you connect.</source>
        <translation>与 %1 之间的消息以未加密方式传输。连接时请选择“安全连接 (TLS)”。</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <source>Encrypted (TLS). The certificate of %1 is the one you trusted.
SHA-256: %2</source>
        <translation>已加密（TLS）。%1 的证书正是您信任的那个。
SHA-256：%2</translation>
    </message>
    <message>
        <source>Encrypted (TLS). The certificate of %1 is verified by an authority your system trusts.
SHA-256: %2</source>
        <translation>已加密（TLS）。%1 的证书已由您的系统信任的机构验证。
SHA-256：%2</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message numerus="yes">
        <source>%1 (%n unread)</source>
        <translation>
            <numerusform>%1（%n 条未读）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>away: %1</source>
        <translation>离开：%1</translation>
    </message>
    <message>
        <source>offline, last seen %1</source>
        <translation>离线，最后在线 %1</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>最后在线 %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 is %2 — double-click to talk privately</source>
        <translation>%1 %2 — 双击进行私聊</translation>
    </message>
    <message>
        <source>%1 is not online — double-click to write anyway</source>
        <translation>%1 不在线 — 双击仍可留言</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <source>Your contacts — right-click to add or remove</source>
        <translation>你的联系人 — 右键单击可添加或删除</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Add a contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>The person&apos;s name (their account or nickname):</source>
        <translation>对方的名字（账号或昵称）：</translation>
    </message>
    <message>
        <source>&amp;Send a private message</source>
        <translation>发送私信(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove %1 from contacts</source>
        <translation>从联系人中删除 %1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add a contact…</source>
        <translation>添加联系人(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>&lt;%1&gt; %2</source>
        <translation>&lt;%1&gt; %2</translation>
    </message>
    <message>
        <source>* %1 %2</source>
        <translation>* %1 %2</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>跳到最新消息</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;link address</source>
        <translation>复制链接地址(&amp;L)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>EmbeddedChatHost</name>
    <message>
        <source>&quot;%1&quot; cannot be a name on the chat.</source>
        <translation>“%1”不能用作聊天中的名字。</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 在 %2 上的聊天</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Recently used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>Search emoji by name</source>
        <translation>按名称搜索表情符号</translation>
    </message>
    <message>
        <source>Smileys &amp; people</source>
        <translation>笑脸与人物</translation>
    </message>
    <message>
        <source>Animals &amp; nature</source>
        <translation>动物与自然</translation>
    </message>
    <message>
        <source>Food &amp; drink</source>
        <translation>食物与饮料</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Travel &amp; places</source>
        <translation>旅行与地点</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>旗帜</translation>
    </message>
    <message>
        <source>No emoji named “%1”</source>
        <translation>没有名为“%1”的表情符号</translation>
    </message>
</context>
<context>
    <name>EventFormatter</name>
    <message>
        <source>Connected again</source>
        <translation>已重新连接</translation>
    </message>
    <message>
        <source>Disconnected from the server — reconnecting…</source>
        <translation>与服务器的连接已断开——正在重新连接…</translation>
    </message>
    <message>
        <source>Disconnected from the server</source>
        <translation>与服务器的连接已断开</translation>
    </message>
    <message>
        <source>You joined %1</source>
        <translation>你加入了 %1</translation>
    </message>
    <message>
        <source>You left %1</source>
        <translation>你离开了 %1</translation>
    </message>
    <message>
        <source>You left %1: %2</source>
        <translation>你离开了 %1：%2</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 加入了</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 离开了</translation>
    </message>
    <message>
        <source>%1 left: %2</source>
        <translation>%1 离开了：%2</translation>
    </message>
    <message>
        <source>%1 was removed from %2 by %3: %4</source>
        <translation>%1 被 %3 移出了 %2：%4</translation>
    </message>
    <message>
        <source>%1 left the chat</source>
        <translation>%1 退出了聊天</translation>
    </message>
    <message>
        <source>%1 left the chat: %2</source>
        <translation>%1 退出了聊天：%2</translation>
    </message>
    <message>
        <source>You are now known as %1</source>
        <translation>你现在的名字是 %1</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 改名为 %2</translation>
    </message>
    <message>
        <source>You are marked as away</source>
        <translation>你已标记为离开</translation>
    </message>
    <message>
        <source>You are back</source>
        <translation>你回来了</translation>
    </message>
    <message>
        <source>%1 is back</source>
        <translation>%1 回来了</translation>
    </message>
    <message>
        <source>%1 is away</source>
        <translation>%1 暂时离开</translation>
    </message>
    <message>
        <source>%1 is away: %2</source>
        <translation>%1 暂时离开：%2</translation>
    </message>
    <message>
        <source>%1 cleared the topic</source>
        <translation>%1 清除了话题</translation>
    </message>
    <message>
        <source>%1 changed the topic to: %2</source>
        <translation>%1 将话题改为：%2</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>话题：%1</translation>
    </message>
    <message>
        <source>%1 has no topic</source>
        <translation>%1 没有话题</translation>
    </message>
    <message>
        <source>Topic of %1: %2</source>
        <translation>%1 的话题：%2</translation>
    </message>
    <message>
        <source>The name %1 is already taken</source>
        <translation>名字 %1 已被占用</translation>
    </message>
    <message>
        <source>The name %1 cannot be used: %2</source>
        <translation>不能使用名字 %1：%2</translation>
    </message>
    <message>
        <source>Nobody has written to you privately yet</source>
        <translation>还没有人私下给你发消息</translation>
    </message>
    <message>
        <source>Choose a room or a person first</source>
        <translation>请先选择一个聊天室或一个人</translation>
    </message>
    <message>
        <source>%1 cannot be used as a name</source>
        <translation>%1 不能用作名字</translation>
    </message>
    <message>
        <source>%1 is not a valid room name</source>
        <translation>%1 不是有效的聊天室名称</translation>
    </message>
    <message>
        <source>Use /part in a room, or name the room: /part #room</source>
        <translation>请在聊天室中使用 /part，或指明聊天室：/part #聊天室</translation>
    </message>
    <message>
        <source>Use /topic in a room, or name the room: /topic #room text</source>
        <translation>请在聊天室中使用 /topic，或指明聊天室：/topic #聊天室 内容</translation>
    </message>
    <message>
        <source>/%1 needs more: type /help to see how to use it</source>
        <translation>/%1 缺少参数：输入 /help 查看用法</translation>
    </message>
    <message>
        <source>Unknown command /%1 — type /help for the list</source>
        <translation>未知命令 /%1——输入 /help 查看命令列表</translation>
    </message>
    <message>
        <source>Not delivered: nobody called %1 is on the server now.</source>
        <translation>未送达：服务器上现在没有叫 %1 的人。</translation>
    </message>
    <message>
        <source>Not delivered: there is no room %1.</source>
        <translation>未送达：没有 %1 这个聊天室。</translation>
    </message>
    <message>
        <source>Not delivered: you cannot write in %1 now.</source>
        <translation>未送达：你现在不能在 %1 发言。</translation>
    </message>
    <message>
        <source>Nobody called %1 is on the server now.</source>
        <translation>服务器上现在没有叫 %1 的人。</translation>
    </message>
    <message>
        <source>There is no room %1.</source>
        <translation>没有 %1 这个聊天室。</translation>
    </message>
    <message>
        <source>You cannot write in %1 now.</source>
        <translation>你现在不能在 %1 发言。</translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>未连接到服务器</translation>
    </message>
    <message>
        <source>This server cannot change your display name now: it is used from your next login</source>
        <translation>此服务器现在无法更改你的显示名称：下次登录时生效</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 is %2 (%3)</source>
        <translation>%1 是 %2（%3）</translation>
    </message>
    <message>
        <source>%1 is logged in as %2</source>
        <translation>%1 已登录为账号 %2</translation>
    </message>
    <message>
        <source>%1 is in %2</source>
        <translation>%1 在 %2</translation>
    </message>
    <message>
        <source>%1 has been idle for %2, online since %3</source>
        <translation>%1 已空闲 %2，自 %3 起在线</translation>
    </message>
    <message>
        <source>%1 has been idle for %2</source>
        <translation>%1 已空闲 %2</translation>
    </message>
    <message>
        <source>%1 is a server operator</source>
        <translation>%1 是服务器管理员</translation>
    </message>
    <message>
        <source>%1 uses a secure connection (TLS)</source>
        <translation>%1 使用安全连接（TLS）</translation>
    </message>
    <message>
        <source>%1 is connected to %2</source>
        <translation>%1 连接在 %2</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 秒</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>/msg name text</source>
        <translation>/msg 名字 内容</translation>
    </message>
    <message>
        <source>Send a private message</source>
        <translation>发送私信</translation>
    </message>
    <message>
        <source>/query name</source>
        <translation>/query 名字</translation>
    </message>
    <message>
        <source>Open a private conversation</source>
        <translation>打开私聊</translation>
    </message>
    <message>
        <source>to:name text</source>
        <translation>to:名字 内容</translation>
    </message>
    <message>
        <source>Switch to a private conversation (and write)</source>
        <translation>切换到私聊（并发送）</translation>
    </message>
    <message>
        <source>/me text</source>
        <translation>/me 内容</translation>
    </message>
    <message>
        <source>Describe what you do (&quot;* me waves&quot;)</source>
        <translation>描述你的动作（“* me 挥手”）</translation>
    </message>
    <message>
        <source>/join #room</source>
        <translation>/join #聊天室</translation>
    </message>
    <message>
        <source>Join a room, or create it</source>
        <translation>加入聊天室，或创建它</translation>
    </message>
    <message>
        <source>/part [reason]</source>
        <translation>/part [原因]</translation>
    </message>
    <message>
        <source>Leave this room</source>
        <translation>离开这个聊天室</translation>
    </message>
    <message>
        <source>/topic [text]</source>
        <translation>/topic [内容]</translation>
    </message>
    <message>
        <source>Show or change the topic of this room</source>
        <translation>显示或更改这个聊天室的话题</translation>
    </message>
    <message>
        <source>/list</source>
        <translation>/list</translation>
    </message>
    <message>
        <source>Find rooms on the server</source>
        <translation>查找服务器上的聊天室</translation>
    </message>
    <message>
        <source>/whois name</source>
        <translation>/whois 名字</translation>
    </message>
    <message>
        <source>Show who someone is</source>
        <translation>显示某人的信息</translation>
    </message>
    <message>
        <source>/nick newname</source>
        <translation>/nick 新名字</translation>
    </message>
    <message>
        <source>Change your name</source>
        <translation>更改你的名字</translation>
    </message>
    <message>
        <source>/away [reason]</source>
        <translation>/away [原因]</translation>
    </message>
    <message>
        <source>Mark yourself as away</source>
        <translation>把自己标记为离开</translation>
    </message>
    <message>
        <source>/back</source>
        <translation>/back</translation>
    </message>
    <message>
        <source>Mark yourself as back</source>
        <translation>把自己标记为回来了</translation>
    </message>
    <message>
        <source>/quit [reason]</source>
        <translation>/quit [原因]</translation>
    </message>
    <message>
        <source>Leave the chat and close Confab</source>
        <translation>离开聊天并关闭 Confab</translation>
    </message>
    <message>
        <source>/help</source>
        <translation>/help</translation>
    </message>
    <message>
        <source>Show this list</source>
        <translation>显示这个列表</translation>
    </message>
    <message>
        <source>//text</source>
        <translation>//内容</translation>
    </message>
    <message>
        <source>Send text that starts with a slash</source>
        <translation>发送以斜杠开头的文字</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Complete a name or a room</source>
        <translation>补全名字或聊天室</translation>
    </message>
    <message>
        <source>%1 is offline: your message will be delivered when %1 returns</source>
        <translation>%1 不在线：你的消息将在 %1 回来时送达</translation>
    </message>
</context>
<context>
    <name>FileCardPainter</name>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Downloading… %1 of %2</source>
        <translation>正在下载… %1 / %2</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>%1 — saved as %2</source>
        <translation>%1 — 已保存为 %2</translation>
    </message>
    <message>
        <source>Size unknown</source>
        <translation>大小未知</translation>
    </message>
    <message>
        <source>Loading picture “%1”…</source>
        <translation>正在加载图片“%1”…</translation>
    </message>
</context>
<context>
    <name>FileDownload</name>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>The file is too large to show here.</source>
        <translation>文件太大，无法在此显示。</translation>
    </message>
    <message>
        <source>This file is no longer on the server.</source>
        <translation>服务器上已没有这个文件。</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>服务器返回了错误（HTTP %1）。</translation>
    </message>
    <message>
        <source>The file server&apos;s certificate is not the chat server&apos;s.</source>
        <translation>文件服务器的证书不是聊天服务器的证书。</translation>
    </message>
    <message>
        <source>The download failed: %1</source>
        <translation>下载失败：%1</translation>
    </message>
</context>
<context>
    <name>FileHostUpload</name>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>The upload of “%1” was cancelled.</source>
        <translation>“%1”的上传已取消。</translation>
    </message>
    <message>
        <source>The server took “%1” but did not say where it is.</source>
        <translation>服务器收下了“%1”，但没有告知它的地址。</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>“%1”未发送：%2</translation>
    </message>
    <message>
        <source>the server refused the file or its name.</source>
        <translation>服务器拒绝了该文件或其文件名。</translation>
    </message>
    <message>
        <source>the server did not accept your account for uploads. Guests cannot send files; sign in with an account.</source>
        <translation>服务器不接受您的账号上传文件。访客不能发送文件，请用账号登录。</translation>
    </message>
    <message>
        <source>the upload was too slow and the server gave up. Try again on a faster connection.</source>
        <translation>上传太慢，服务器已放弃。请在更快的网络上重试。</translation>
    </message>
    <message>
        <source>the server did not accept how the file was sent.</source>
        <translation>服务器不接受该文件的发送方式。</translation>
    </message>
    <message>
        <source>the file is larger than this server accepts.</source>
        <translation>文件超过了此服务器允许的大小。</translation>
    </message>
    <message>
        <source>the server is busy. Try again in a moment.</source>
        <translation>服务器繁忙，请稍后再试。</translation>
    </message>
    <message>
        <source>your storage on the server is full. Delete old files or ask the server&apos;s administrator for more room.</source>
        <translation>您在服务器上的存储空间已满。请删除旧文件，或请服务器管理员增加空间。</translation>
    </message>
    <message>
        <source>the server answered with an error (HTTP %1).</source>
        <translation>服务器返回了错误（HTTP %1）。</translation>
    </message>
    <message>
        <source>the file server&apos;s certificate is not the chat server&apos;s, so nothing was sent.</source>
        <translation>文件服务器的证书不是聊天服务器的证书，因此没有发送任何内容。</translation>
    </message>
    <message>
        <source>the upload stalled and was stopped.</source>
        <translation>上传停滞，已停止。</translation>
    </message>
    <message>
        <source>the file server cannot be reached.</source>
        <translation>无法连接文件服务器。</translation>
    </message>
    <message>
        <source>the transfer failed: %1</source>
        <translation>传输失败：%1</translation>
    </message>
    <message>
        <source>the file server stopped the upload before the whole file was sent (too slow a connection, or a problem on the server). Try again later.</source>
        <translation>文件服务器在文件发送完之前中止了上传（网络太慢，或者服务器出了问题）。请稍后再试。</translation>
    </message>
</context>
<context>
    <name>FilePreviews</name>
    <message>
        <source>This picture cannot be shown.</source>
        <translation>无法显示这张图片。</translation>
    </message>
    <message>
        <source>This file is no longer on the server.</source>
        <translation>服务器上已没有这个文件。</translation>
    </message>
    <message>
        <source>The file server cannot be reached.</source>
        <translation>无法连接文件服务器。</translation>
    </message>
</context>
<context>
    <name>FileSendControl</name>
    <message>
        <source>Send a &amp;file…</source>
        <translation>发送文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Send a file or a picture to this conversation (or drop it here, or paste a picture)</source>
        <translation>向此对话发送文件或图片（也可以拖放到这里，或粘贴图片）</translation>
    </message>
    <message>
        <source>Open a conversation to send files to.</source>
        <translation>请先打开要发送文件的对话。</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>发送文件</translation>
    </message>
</context>
<context>
    <name>FileSharing</name>
    <message>
        <source>Files can be sent once you are connected.</source>
        <translation>连接后才能发送文件。</translation>
    </message>
    <message>
        <source>This server does not take files.</source>
        <translation>此服务器不接收文件。</translation>
    </message>
    <message>
        <source>Guests cannot send files: sign in with an account to send them.</source>
        <translation>访客不能发送文件：请用账号登录后再发送。</translation>
    </message>
    <message>
        <source>The picture could not be saved for sending.</source>
        <translation>无法保存要发送的图片。</translation>
    </message>
    <message>
        <source>Choose a conversation first.</source>
        <translation>请先选择一个对话。</translation>
    </message>
    <message>
        <source>This server takes files at another address (%1); your password is not sent there over an unencrypted connection.</source>
        <translation>此服务器在另一个地址（%1）接收文件；在未加密的连接上，您的密码不会发送到那里。</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Type a message and press Enter to send it to the conversation on screen. These commands do more:</source>
        <translation>输入消息并按回车，即可发送到当前对话。以下命令可以做更多事：</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>HostedLogin</name>
    <message>
        <source>Starting the chat server on this computer…</source>
        <translation>正在这台电脑上启动聊天服务器…</translation>
    </message>
    <message>
        <source>The chat could not be started: %1</source>
        <translation>无法开始聊天：%1</translation>
    </message>
    <message>
        <source>Hosting %1. Logging in…</source>
        <translation>正在主持 %1。正在登录…</translation>
    </message>
</context>
<context>
    <name>HostedServer</name>
    <message>
        <source>No free port from %1 to %2 for the chat server.</source>
        <translation>从 %1 到 %2 没有可供聊天服务器使用的空闲端口。</translation>
    </message>
    <message>
        <source>Cannot create your account on the chat server: %1</source>
        <translation>无法在聊天服务器上创建你的账户：%1</translation>
    </message>
</context>
<context>
    <name>HostingControl</name>
    <message>
        <source>Hosting · nobody else here yet</source>
        <translation>正在主持 · 还没有其他人</translation>
    </message>
    <message>
        <source>Hosting · 1 other person here</source>
        <translation>正在主持 · 另有 1 人在</translation>
    </message>
    <message numerus="yes">
        <source>Hosting · %n other people here</source>
        <translation>
            <numerusform>正在主持 · 另有 %n 人在</numerusform>
        </translation>
    </message>
    <message>
        <source>You host &quot;%1&quot; on this computer: port %2, and %3 with TLS. Its certificate&apos;s fingerprint: %4</source>
        <translation>你在这台电脑上主持“%1”：端口 %2，TLS 端口 %3。证书指纹：%4</translation>
    </message>
    <message>
        <source>Starting the hosted chat…</source>
        <translation>正在开始主持的聊天…</translation>
    </message>
    <message>
        <source>Ending the hosted chat…</source>
        <translation>正在结束主持的聊天…</translation>
    </message>
    <message>
        <source>&amp;Host a chat on this computer…</source>
        <translation>在这台电脑上主持聊天(&amp;H)…</translation>
    </message>
    <message>
        <source>Stop &amp;hosting</source>
        <translation>停止主持(&amp;H)</translation>
    </message>
    <message>
        <source>Stop hosting</source>
        <translation>停止主持</translation>
    </message>
    <message>
        <source>&amp;Stop hosting</source>
        <translation>停止主持(&amp;S)</translation>
    </message>
    <message>
        <source>Quit Confab</source>
        <translation>退出 Confab</translation>
    </message>
    <message>
        <source>&amp;Quit and end the chat</source>
        <translation>退出并结束聊天(&amp;Q)</translation>
    </message>
    <message>
        <source>The chat you host will end for the other person in it.</source>
        <translation>你主持的聊天将对其中的另一个人结束。</translation>
    </message>
    <message numerus="yes">
        <source>The chat you host will end for the %n other people in it.</source>
        <translation>
            <numerusform>你主持的聊天将对其中的另外 %n 个人结束。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LanServerModel</name>
    <message>
        <source>%1 — %2 port %3</source>
        <translation>%1 — %2 端口 %3</translation>
    </message>
    <message>
        <source>Secure connection (TLS) to %1 (%2), port %3.</source>
        <translation>到 %1（%2）端口 %3 的安全连接（TLS）。</translation>
    </message>
    <message>
        <source>Unencrypted connection to %1 (%2), port %3.</source>
        <translation>到 %1（%2）端口 %3 的未加密连接。</translation>
    </message>
    <message>
        <source>Only people with an account can chat here.</source>
        <translation>只有拥有账户的人才能在这里聊天。</translation>
    </message>
    <message>
        <source>%1, secure, %2 port %3</source>
        <translation>%1，安全连接，%2 端口 %3</translation>
    </message>
    <message>
        <source>%1, not encrypted, %2 port %3</source>
        <translation>%1，未加密，%2 端口 %3</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Connect to a chat server</source>
        <translation>连接到聊天服务器</translation>
    </message>
    <message>
        <source>for example chat.example.org</source>
        <translation>例如 chat.example.org</translation>
    </message>
    <message>
        <source>the name others will see</source>
        <translation>其他人看到的名字</translation>
    </message>
    <message>
        <source>only if the server asks for one</source>
        <translation>仅在服务器要求时填写</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名字(&amp;N)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Enter the name others will see you as.</source>
        <translation>请输入其他人看到的你的名字。</translation>
    </message>
    <message numerus="yes">
        <source>A name can have at most %n characters.</source>
        <translation>
            <numerusform>名字最多只能有 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>A name must start with a letter (a–z) or one of [ ] \ ` _ ^ { | }.</source>
        <translation>名字必须以字母（a–z）或 [ ] \ ` _ ^ { | } 之一开头。</translation>
    </message>
    <message>
        <source>A name can only contain letters a–z, digits, - and [ ] \ ` _ ^ { | } — no spaces.</source>
        <translation>名字只能包含字母 a–z、数字、- 以及 [ ] \ ` _ ^ { | }——不能有空格。</translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2. Is the chat server running there?</source>
        <translation>%1 拒绝了端口 %2 上的连接。聊天服务器在运行吗？</translation>
    </message>
    <message>
        <source>The server %1 could not be found. Check its name.</source>
        <translation>找不到服务器 %1。请检查名称。</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached. Check your network connection.</source>
        <translation>无法访问服务器 %1。请检查网络连接。</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>服务器 %1 没有及时响应。</translation>
    </message>
    <message>
        <source>The server did not accept the password.</source>
        <translation>服务器不接受该密码。</translation>
    </message>
    <message>
        <source>The server closed the connection: %1</source>
        <translation>服务器关闭了连接：%1</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>与 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation>与 %1 的连接已断开：%2</translation>
    </message>
    <message>
        <source>&amp;Use this name</source>
        <translation>使用这个名字(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Trying the name %1…</source>
        <translation>正在尝试名字 %1…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected to %1, logging in…</source>
        <translation>已连接到 %1，正在登录…</translation>
    </message>
    <message>
        <source>The name %1 is already taken. Choose another one.</source>
        <translation>名字 %1 已被占用。请换一个。</translation>
    </message>
    <message>
        <source>The server does not accept the name %1: %2</source>
        <translation>服务器不接受名字 %1：%2</translation>
    </message>
    <message>
        <source>optional: your name in any language</source>
        <translation>可选：任何语言的名字</translation>
    </message>
    <message>
        <source>Names on the server are plain letters a–z; others see this name next to it.</source>
        <translation>服务器上的名字只能用字母 a–z；别人会在它旁边看到这个名字。</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>Secure connection (TLS)</source>
        <translation>安全连接 (TLS)</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>在这台电脑上记住我(&amp;R)</translation>
    </message>
    <message>
        <source>Encrypts the connection. A server with its own certificate (on a LAN) is trusted once you confirm its fingerprint.</source>
        <translation>加密连接。使用自有证书的服务器（在局域网中）在您确认其指纹后即被信任。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>访客</translation>
    </message>
    <message>
        <source>Log in to your account with its password.</source>
        <translation>用密码登录你的账户。</translation>
    </message>
    <message>
        <source>Make an account for the name below, so that nobody else can use it.</source>
        <translation>为下面的名字创建账户，这样别人就不能使用它。</translation>
    </message>
    <message>
        <source>Chat under a name without an account, where the server allows it.</source>
        <translation>在服务器允许时，不用账户、只用一个名字聊天。</translation>
    </message>
    <message>
        <source>the same password again</source>
        <translation>再输入一次同样的密码</translation>
    </message>
    <message>
        <source>The password is kept in your system&apos;s keyring, never in a file.</source>
        <translation>密码保存在系统的钥匙环中，绝不会写入文件。</translation>
    </message>
    <message>
        <source>R&amp;ecent:</source>
        <translation>最近(&amp;E)：</translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation>重复密码(&amp;P)：</translation>
    </message>
    <message>
        <source>%1 on %2 (guest)</source>
        <translation>%2 上的 %1（访客）</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Reading your password from the keyring…</source>
        <translation>正在从钥匙环读取你的密码…</translation>
    </message>
    <message>
        <source>There is no keyring on this computer to keep your password in, so it was not saved. You will be asked for it next time.</source>
        <translation>这台电脑上没有可以保存密码的钥匙环，所以密码没有保存。下次会再询问你。</translation>
    </message>
    <message>
        <source>Your saved password was not found in the keyring. Enter it again.</source>
        <translation>在钥匙环中找不到你保存的密码。请重新输入。</translation>
    </message>
    <message>
        <source>The keyring did not allow Confab to use your password (it may be locked).</source>
        <translation>钥匙环不允许 Confab 使用你的密码（它可能已锁定）。</translation>
    </message>
    <message>
        <source>The keyring could not be used, so your password is not kept.</source>
        <translation>无法使用钥匙环，所以不会保存你的密码。</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
    <message>
        <source>Server pass&amp;word:</source>
        <translation>服务器密码(&amp;W)：</translation>
    </message>
    <message>
        <source>your account&apos;s password</source>
        <translation>你的账户密码</translation>
    </message>
    <message>
        <source>choose a password</source>
        <translation>设置一个密码</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;reate account</source>
        <translation>创建账户(&amp;R)</translation>
    </message>
    <message>
        <source>The account name or the password is wrong.</source>
        <translation>账户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong passwords were tried. Wait a few minutes, then try again.</source>
        <translation>尝试了太多次错误密码。请等几分钟再试。</translation>
    </message>
    <message>
        <source>%1 has no accounts. Connect as a guest instead.</source>
        <translation>%1 没有账户功能。请改用访客身份连接。</translation>
    </message>
    <message>
        <source>%1 accepts your password only over a secure connection.</source>
        <translation>%1 只在安全连接上接受你的密码。</translation>
    </message>
    <message>
        <source>An account with this name exists already. Sign in to it, or choose another name.</source>
        <translation>同名账户已存在。请登录该账户，或换一个名字。</translation>
    </message>
    <message>
        <source>The server does not accept this password. Choose a longer one.</source>
        <translation>服务器不接受这个密码。请换一个更长的。</translation>
    </message>
    <message>
        <source>The server does not accept this password: %1</source>
        <translation>服务器不接受这个密码：%1</translation>
    </message>
    <message>
        <source>The server does not accept this account name.</source>
        <translation>服务器不接受这个账户名。</translation>
    </message>
    <message>
        <source>The server does not accept this account name: %1</source>
        <translation>服务器不接受这个账户名：%1</translation>
    </message>
    <message>
        <source>Accounts cannot be used on %1 right now.</source>
        <translation>%1 上现在无法使用账户。</translation>
    </message>
    <message>
        <source>The account cannot be used right now: %1</source>
        <translation>现在无法使用该账户：%1</translation>
    </message>
    <message>
        <source>No secure connection to %1 on port %2: %3. Is that the server&apos;s TLS port (usually 6697)?</source>
        <translation>无法在端口 %2 上与 %1 建立安全连接：%3。这是服务器的 TLS 端口（通常为 6697）吗？</translation>
    </message>
    <message>
        <source>Not connected: you did not trust the certificate of %1.</source>
        <translation>未连接：您没有信任 %1 的证书。</translation>
    </message>
    <message>
        <source>Enter your account&apos;s password.</source>
        <translation>请输入你的账户密码。</translation>
    </message>
    <message>
        <source>Choose a password for the account.</source>
        <translation>请为账户设置一个密码。</translation>
    </message>
    <message>
        <source>Type the password again below.</source>
        <translation>请在下面再输入一次密码。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The name %1 belongs to an account. Sign in with its password, or choose another name.</source>
        <translation>名字 %1 属于一个账户。请用它的密码登录，或换一个名字。</translation>
    </message>
    <message>
        <source>Chat servers on this network</source>
        <translation>本网络中的聊天服务器</translation>
    </message>
    <message>
        <source>Chat servers on this network (choose one, or enter a server below):</source>
        <translation>本网络中的聊天服务器（选择一个，或在下方输入服务器）：</translation>
    </message>
    <message>
        <source>Servers on this network cannot be listed: the Avahi service is not running on this computer. Enter a server&apos;s address below.</source>
        <translation>无法列出本网络中的服务器：本机未运行 Avahi 服务。请在下方输入服务器地址。</translation>
    </message>
    <message>
        <source>Servers on this network cannot be listed right now. Enter a server&apos;s address below.</source>
        <translation>暂时无法列出本网络中的服务器。请在下方输入服务器地址。</translation>
    </message>
    <message>
        <source>No chat servers found on this network. Enter a server&apos;s address below.</source>
        <translation>本网络中未找到聊天服务器。请在下方输入服务器地址。</translation>
    </message>
    <message>
        <source>Looking for chat servers on this network…</source>
        <translation>正在查找本网络中的聊天服务器…</translation>
    </message>
    <message>
        <source>Runs a chat server in Confab for the people on this network: they find it in their login window. Only a name is needed.</source>
        <translation>在 Confab 中为这个网络上的人运行一个聊天服务器：他们会在登录窗口中找到它。只需要一个名字。</translation>
    </message>
    <message>
        <source>&amp;Join the chat you host</source>
        <translation>加入你主持的聊天(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Host a chat on this computer</source>
        <translation>在这台电脑上主持聊天(&amp;H)</translation>
    </message>
    <message>
        <source>The chat server&apos;s name or address. For a network of several servers, list them separated by commas: Confab uses the first that answers, and another one if it goes away.</source>
        <translation>聊天服务器的名称或地址。若一个网络有多台服务器，请用逗号分隔列出：Confab 使用第一台应答的服务器，它断开后改用另一台。</translation>
    </message>
    <message>
        <source>“%1” is not a server address. Use a name or name:port, several separated by commas.</source>
        <translation>“%1”不是服务器地址。请使用 名称 或 名称:端口，多个地址用逗号分隔。</translation>
    </message>
    <message numerus="yes">
        <source>None of the %n servers answered. The last one: %1</source>
        <translation>
            <numerusform>%n 台服务器都没有应答。最后一台：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Confab</source>
        <translation>Confab</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>聊天室</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>聊天(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>连接(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>C&amp;onversation</source>
        <translation>对话(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>下一个对话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>上一个对话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reply to last private message</source>
        <translation>回复最近的私聊消息(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close conversation</source>
        <translation>关闭对话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Confab</source>
        <translation>关于 Confab(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation>聊天室 %1</translation>
    </message>
    <message>
        <source>Private conversation with %1</source>
        <translation>与 %1 的私聊</translation>
    </message>
    <message>
        <source>Not in any conversation yet</source>
        <translation>尚未进入任何对话</translation>
    </message>
    <message>
        <source>%1 — no topic</source>
        <translation>%1——没有话题</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1——%2</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>已连接，名字为 %1</translation>
    </message>
    <message>
        <source>Lag: –</source>
        <translation>延迟：–</translation>
    </message>
    <message>
        <source>Lag: %1 ms</source>
        <translation>延迟：%1 毫秒</translation>
    </message>
    <message>
        <source>Message from %1</source>
        <translation>来自 %1 的消息</translation>
    </message>
    <message>
        <source>Send several lines?</source>
        <translation>发送多行内容？</translation>
    </message>
    <message>
        <source>About Confab</source>
        <translation>关于 Confab</translation>
    </message>
    <message>
        <source>Confab %1

A simple chat program for IRC chat servers: rooms, private conversations and a list of who is online.

Built with Qt %2.</source>
        <translation>Confab %1

一个用于 IRC 聊天服务器的简单聊天程序：聊天室、私聊以及在线人员列表。

基于 Qt %2 构建。</translation>
    </message>
    <message>
        <source>Type a message (/help for commands)</source>
        <translation>输入消息（/help 查看命令）</translation>
    </message>
    <message>
        <source>Disconnected — trying again in %1 s</source>
        <translation>连接已断开——%1 秒后重试</translation>
    </message>
    <message>
        <source>The pasted text has %1 lines. Send each line as a separate message?</source>
        <translation>粘贴的文本有 %1 行。要把每一行作为单独的消息发送吗？</translation>
    </message>
    <message>
        <source>Send %1 messages</source>
        <translation>发送 %1 条消息</translation>
    </message>
    <message>
        <source>&amp;Leave %1</source>
        <translation>离开 %1(&amp;L)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 在 %2</translation>
    </message>
    <message>
        <source>&amp;Join room…</source>
        <translation>加入聊天室(&amp;J)…</translation>
    </message>
    <message>
        <source>Join room</source>
        <translation>加入聊天室</translation>
    </message>
    <message>
        <source>Room name (a new name creates the room):</source>
        <translation>聊天室名称（新名称会创建聊天室）：</translation>
    </message>
    <message>
        <source>&amp;Find rooms…</source>
        <translation>查找聊天室(&amp;F)…</translation>
    </message>
    <message>
        <source>Change &amp;name…</source>
        <translation>更改名字(&amp;N)…</translation>
    </message>
    <message>
        <source>Change name</source>
        <translation>更改名字</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名字：</translation>
    </message>
    <message>
        <source>Set &amp;display name…</source>
        <translation>设置显示名称(&amp;D)…</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Your name as others see it, in any language:</source>
        <translation>别人看到的你的名字，可用任何语言：</translation>
    </message>
    <message>
        <source>Set &amp;away…</source>
        <translation>设为离开(&amp;A)…</translation>
    </message>
    <message>
        <source>Set away</source>
        <translation>设为离开</translation>
    </message>
    <message>
        <source>Message for people who write to you:</source>
        <translation>给找你的人的留言：</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>回来了(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Commands</source>
        <translation>命令(&amp;C)</translation>
    </message>
    <message>
        <source>You are away</source>
        <translation>你处于离开状态</translation>
    </message>
    <message>
        <source>You are away: %1</source>
        <translation>你处于离开状态：%1</translation>
    </message>
    <message>
        <source>Choose Chat → Back (or type /back) when you are back</source>
        <translation>回来后请选择 聊天 → 回来了（或输入 /back）</translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation>%1 在 %2 提到了你</translation>
    </message>
    <message>
        <source>Add a &amp;contact…</source>
        <translation>添加联系人(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Find in conversation…</source>
        <translation>在对话中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Search &amp;all conversations…</source>
        <translation>搜索所有对话(&amp;A)…</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 is away: %2</source>
        <translation>%1 暂时离开：%2</translation>
    </message>
    <message>
        <source>%1 is away</source>
        <translation>%1 暂时离开</translation>
    </message>
    <message>
        <source>%1 — double-click to talk privately</source>
        <translation>%1 — 双击进行私聊</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Find a person by name…</source>
        <translation>按名字查找…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message numerus="yes">
        <source>%n people here</source>
        <translation>
            <numerusform>这里有 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Send a private message</source>
        <translation>发送私信(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add %1 to contacts</source>
        <translation>将 %1 添加到联系人(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>New messages</source>
        <translation>新消息</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
</context>
<context>
    <name>RoomDirectoryDialog</name>
    <message>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <source>Find rooms</source>
        <translation>查找聊天室</translation>
    </message>
    <message>
        <source>Filter by name or topic…</source>
        <translation>按名称或话题筛选…</translation>
    </message>
    <message>
        <source>Asking the server for its rooms…</source>
        <translation>正在向服务器查询聊天室…</translation>
    </message>
    <message>
        <source>1 room</source>
        <translation>1 个聊天室</translation>
    </message>
    <message numerus="yes">
        <source>%n rooms</source>
        <translation>
            <numerusform>%n 个聊天室</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n rooms</source>
        <translation>
            <numerusform>%n 个聊天室中的 %1 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomDirectoryModel</name>
    <message>
        <source>Double-click to join %1</source>
        <translation>双击加入 %1</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>聊天室</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message numerus="yes">
        <source>%1 (%n unread)</source>
        <translation>
            <numerusform>%1（%n 条未读）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — not joined at the moment</source>
        <translation>%1——目前未加入</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <source>Words to find, in any language</source>
        <translation>要查找的词，任何语言均可</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>在 %1 中</translation>
    </message>
    <message>
        <source>In all conversations</source>
        <translation>在所有对话中</translation>
    </message>
    <message>
        <source>Type to search the messages kept on this computer.</source>
        <translation>输入文字，搜索保存在这台电脑上的消息。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3: %4</source>
        <translation>%1 · %2 · %3：%4</translation>
    </message>
    <message>
        <source>No messages contain “%1”.</source>
        <translation>没有包含“%1”的消息。</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n messages that contain “%1”:</source>
        <translation>
            <numerusform>包含“%1”的最新 %n 条消息：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) contain “%1”:</source>
        <translation>
            <numerusform>%n 条消息包含“%1”：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerTransport</name>
    <message>
        <source>the server did not answer the TLS handshake</source>
        <translation>服务器没有响应 TLS 握手</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Show when people &amp;join and leave rooms</source>
        <translation>显示有人加入和离开聊天室(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Closing the window keeps Confab running in the tray</source>
        <translation>关闭窗口时让 Confab 在托盘中继续运行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Notify me when someone mentions my name</source>
        <translation>有人提到我的名字时通知我(&amp;N)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation>此桌面没有系统托盘</translation>
    </message>
    <message>
        <source>&amp;Time of messages:</source>
        <translation>消息时间格式(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Start hosting a chat on this computer when Confab starts</source>
        <translation>Confab 启动时在这台电脑上开始主持聊天(&amp;S)</translation>
    </message>
    <message>
        <source>People on this network can then always find the chat; you join it under your last name.</source>
        <translation>这样这个网络上的人总能找到这个聊天；你会以上次使用的名字加入。</translation>
    </message>
</context>
<context>
    <name>StartOptions</name>
    <message>
        <source>Confab: chat with people on a chat (IRC) server.</source>
        <translation>Confab：在聊天（IRC）服务器上与他人聊天。</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <source>The name to log in with.</source>
        <translation>登录时使用的名字。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名字</translation>
    </message>
    <message>
        <source>The language, for example zh_CN, zh_TW or en.</source>
        <translation>界面语言，例如 zh_CN、zh_TW 或 en。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Log detail: debug, info, warning or critical.</source>
        <translation>日志详细程度：debug、info、warning 或 critical。</translation>
    </message>
    <message>
        <source>level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>Not a server address: %1 (use host:port)</source>
        <translation>不是服务器地址：%1（请使用 主机:端口）</translation>
    </message>
    <message>
        <source>Connect at once, without the login dialog (with the name saved last time when --nick is not given).</source>
        <translation>立即连接，不显示登录对话框（未指定 --nick 时使用上次保存的名字）。</translation>
    </message>
    <message>
        <source>Use a secure connection (TLS; the default), on port 6697 unless --server names another.</source>
        <translation>使用安全连接（TLS，默认），端口为 6697，除非 --server 指定了其他端口。</translation>
    </message>
    <message>
        <source>Use an unencrypted connection, on port 6667 unless --server names another.</source>
        <translation>使用未加密的连接，端口为 6667，除非 --server 指定了其他端口。</translation>
    </message>
    <message>
        <source>Use either --tls or --no-tls, not both.</source>
        <translation>只能使用 --tls 或 --no-tls 之一，不能同时使用。</translation>
    </message>
    <message>
        <source>The chat server to use, as host:port; several nodes of one network separated by commas.</source>
        <translation>要使用的聊天服务器，格式为 主机:端口；同一网络的多个节点用逗号分隔。</translation>
    </message>
</context>
<context>
    <name>SystemTray</name>
    <message>
        <source>&amp;Show Confab</source>
        <translation>显示 Confab(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Confab</source>
        <translation>Confab</translation>
    </message>
    <message>
        <source>Confab — 1 unread message</source>
        <translation>Confab — 1 条未读消息</translation>
    </message>
    <message numerus="yes">
        <source>Confab — %n unread messages</source>
        <translation>
            <numerusform>Confab — %n 条未读消息</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TypingBar</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 正在输入…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 和 %2 正在输入…</translation>
    </message>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation>
            <numerusform>%n 人正在输入…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UploadProgressPanel</name>
    <message>
        <source>Sending “%1” (%2) to %3</source>
        <translation>正在将“%1”（%2）发送到 %3</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>

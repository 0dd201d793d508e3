<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>CertificateDialog</name>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation>伺服器的憑證已變更</translation>
    </message>
    <message>
        <source>Warning: %1 presents a different certificate from the one you trusted before. The administrator may have replaced it, or someone may be intercepting your connection. Do not continue unless the server&apos;s administrator confirms the new fingerprint.</source>
        <translation>警告：%1 出示的憑證與您先前信任的不同。可能是管理員更換了憑證，也可能有人正在攔截您的連線。除非伺服器管理員確認了新的指紋，否則請勿繼續。</translation>
    </message>
    <message>
        <source>New certificate (SHA-256 fingerprint):</source>
        <translation>新憑證（SHA-256 指紋）：</translation>
    </message>
    <message>
        <source>Trusted before:</source>
        <translation>先前信任的：</translation>
    </message>
    <message>
        <source>&amp;Trust the new certificate</source>
        <translation>信任新憑證(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t connect</source>
        <translation>不要連線(&amp;D)</translation>
    </message>
    <message>
        <source>Confirm the server&apos;s certificate</source>
        <translation>確認伺服器的憑證</translation>
    </message>
    <message>
        <source>You are connecting to %1 for the first time. Its certificate is not signed by an authority your system knows, which is usual on a local network. Check that this fingerprint matches the one the server&apos;s administrator gave you.</source>
        <translation>您是第一次連線到 %1。它的憑證不是由您的系統認得的機構簽發的，這在區域網路中很常見。請核對此指紋是否與伺服器管理員提供給您的一致。</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 指紋：</translation>
    </message>
    <message>
        <source>&amp;Trust and connect</source>
        <translation>信任並連線(&amp;T)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Once trusted, this certificate is remembered for %1 and not asked about again.</source>
        <translation>信任後，將為 %1 記住此憑證，不會再次詢問。</translation>
    </message>
    <message>
        <source>Issued to: %1</source>
        <translation>發給：%1</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（無名稱）</translation>
    </message>
    <message>
        <source>Issued by: itself (self-signed)</source>
        <translation>簽發者：自身（自我簽署）</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>簽發者：%1</translation>
    </message>
    <message>
        <source>Valid until: %1</source>
        <translation>有效期限至：%1</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>%1 is one of your contacts already</source>
        <translation>%1 已經是你的聯絡人</translation>
    </message>
    <message>
        <source>“%1” is not a name people can have</source>
        <translation>「%1」不是有效的使用者名稱</translation>
    </message>
    <message>
        <source>You have %1 contacts, as many as can be kept: remove one first</source>
        <translation>你已有 %1 位聯絡人，已達上限：請先移除一位</translation>
    </message>
</context>
<context>
    <name>ChatInput</name>
    <message>
        <source>Insert &amp;emoji…</source>
        <translation>插入表情符號(&amp;E)…</translation>
    </message>
    <message>
        <source>Insert an emoji (%1)</source>
        <translation>插入表情符號（%1）</translation>
    </message>
</context>
<context>
    <name>ConnectionSecurityIndicator</name>
    <message>
        <source>Not connected</source>
        <translation>未連線</translation>
    </message>
    <message>
        <source>The next connection will be encrypted (TLS).</source>
        <translation>下次連線將會加密（TLS）。</translation>
    </message>
    <message>
        <source>The next connection will not be encrypted.</source>
        <translation>下次連線將不會加密。</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>Messages to and from %1 travel unencrypted. Choose “Secure connection (TLS)” when you connect.</source>
        <translation>與 %1 之間的訊息以未加密方式傳輸。連線時請選擇「安全連線 (TLS)」。</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <source>Encrypted (TLS). The certificate of %1 is the one you trusted.
SHA-256: %2</source>
        <translation>已加密（TLS）。%1 的憑證正是您信任的那一個。
SHA-256：%2</translation>
    </message>
    <message>
        <source>Encrypted (TLS). The certificate of %1 is verified by an authority your system trusts.
SHA-256: %2</source>
        <translation>已加密（TLS）。%1 的憑證已由您的系統信任的機構驗證。
SHA-256：%2</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message numerus="yes">
        <source>%1 (%n unread)</source>
        <translation>
            <numerusform>%1（%n 則未讀）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>online</source>
        <translation>線上</translation>
    </message>
    <message>
        <source>away</source>
        <translation>離開</translation>
    </message>
    <message>
        <source>away: %1</source>
        <translation>離開：%1</translation>
    </message>
    <message>
        <source>offline, last seen %1</source>
        <translation>離線，最後上線 %1</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>最後上線 %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 is %2 — double-click to talk privately</source>
        <translation>%1 %2 — 按兩下進行私聊</translation>
    </message>
    <message>
        <source>%1 is not online — double-click to write anyway</source>
        <translation>%1 不在線上 — 按兩下仍可留言</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <source>Your contacts — right-click to add or remove</source>
        <translation>你的聯絡人 — 按右鍵可新增或移除</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Add a contact…</source>
        <translation>新增聯絡人…</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>新增聯絡人</translation>
    </message>
    <message>
        <source>The person&apos;s name (their account or nickname):</source>
        <translation>對方的名稱（帳號或暱稱）：</translation>
    </message>
    <message>
        <source>&amp;Send a private message</source>
        <translation>傳送私人訊息(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove %1 from contacts</source>
        <translation>從聯絡人中移除 %1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add a contact…</source>
        <translation>新增聯絡人(&amp;A)…</translation>
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
        <translation>等待傳送</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未傳送</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>跳到最新訊息</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;link address</source>
        <translation>複製連結位址(&amp;L)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全選(&amp;A)</translation>
    </message>
</context>
<context>
    <name>EmbeddedChatHost</name>
    <message>
        <source>&quot;%1&quot; cannot be a name on the chat.</source>
        <translation>「%1」不能用作聊天中的名字。</translation>
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
        <translation>依名稱搜尋表情符號</translation>
    </message>
    <message>
        <source>Smileys &amp; people</source>
        <translation>笑臉與人物</translation>
    </message>
    <message>
        <source>Animals &amp; nature</source>
        <translation>動物與自然</translation>
    </message>
    <message>
        <source>Food &amp; drink</source>
        <translation>食物與飲料</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活動</translation>
    </message>
    <message>
        <source>Travel &amp; places</source>
        <translation>旅行與地點</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>符號</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>旗幟</translation>
    </message>
    <message>
        <source>No emoji named “%1”</source>
        <translation>沒有名為「%1」的表情符號</translation>
    </message>
</context>
<context>
    <name>EventFormatter</name>
    <message>
        <source>Connected again</source>
        <translation>已重新連線</translation>
    </message>
    <message>
        <source>Disconnected from the server — reconnecting…</source>
        <translation>與伺服器的連線已中斷——正在重新連線…</translation>
    </message>
    <message>
        <source>Disconnected from the server</source>
        <translation>與伺服器的連線已中斷</translation>
    </message>
    <message>
        <source>You joined %1</source>
        <translation>你加入了 %1</translation>
    </message>
    <message>
        <source>You left %1</source>
        <translation>你離開了 %1</translation>
    </message>
    <message>
        <source>You left %1: %2</source>
        <translation>你離開了 %1：%2</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 加入了</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 離開了</translation>
    </message>
    <message>
        <source>%1 left: %2</source>
        <translation>%1 離開了：%2</translation>
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
        <translation>你現在的名字是 %1</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 改名為 %2</translation>
    </message>
    <message>
        <source>You are marked as away</source>
        <translation>你已標記為離開</translation>
    </message>
    <message>
        <source>You are back</source>
        <translation>你回來了</translation>
    </message>
    <message>
        <source>%1 is back</source>
        <translation>%1 回來了</translation>
    </message>
    <message>
        <source>%1 is away</source>
        <translation>%1 暫時離開</translation>
    </message>
    <message>
        <source>%1 is away: %2</source>
        <translation>%1 暫時離開：%2</translation>
    </message>
    <message>
        <source>%1 cleared the topic</source>
        <translation>%1 清除了話題</translation>
    </message>
    <message>
        <source>%1 changed the topic to: %2</source>
        <translation>%1 將話題改為：%2</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>話題：%1</translation>
    </message>
    <message>
        <source>%1 has no topic</source>
        <translation>%1 沒有話題</translation>
    </message>
    <message>
        <source>Topic of %1: %2</source>
        <translation>%1 的話題：%2</translation>
    </message>
    <message>
        <source>The name %1 is already taken</source>
        <translation>名稱 %1 已被使用</translation>
    </message>
    <message>
        <source>The name %1 cannot be used: %2</source>
        <translation>無法使用名稱 %1：%2</translation>
    </message>
    <message>
        <source>Nobody has written to you privately yet</source>
        <translation>還沒有人私下傳訊息給你</translation>
    </message>
    <message>
        <source>Choose a room or a person first</source>
        <translation>請先選擇一個聊天室或一個人</translation>
    </message>
    <message>
        <source>%1 cannot be used as a name</source>
        <translation>%1 無法用作名稱</translation>
    </message>
    <message>
        <source>%1 is not a valid room name</source>
        <translation>%1 不是有效的聊天室名稱</translation>
    </message>
    <message>
        <source>Use /part in a room, or name the room: /part #room</source>
        <translation>請在聊天室中使用 /part，或指明聊天室：/part #聊天室</translation>
    </message>
    <message>
        <source>Use /topic in a room, or name the room: /topic #room text</source>
        <translation>請在聊天室中使用 /topic，或指明聊天室：/topic #聊天室 內容</translation>
    </message>
    <message>
        <source>/%1 needs more: type /help to see how to use it</source>
        <translation>/%1 缺少參數：輸入 /help 查看用法</translation>
    </message>
    <message>
        <source>Unknown command /%1 — type /help for the list</source>
        <translation>未知指令 /%1——輸入 /help 查看指令清單</translation>
    </message>
    <message>
        <source>Not delivered: nobody called %1 is on the server now.</source>
        <translation>未送達：伺服器上現在沒有叫 %1 的人。</translation>
    </message>
    <message>
        <source>Not delivered: there is no room %1.</source>
        <translation>未送達：沒有 %1 這個聊天室。</translation>
    </message>
    <message>
        <source>Not delivered: you cannot write in %1 now.</source>
        <translation>未送達：你現在不能在 %1 發言。</translation>
    </message>
    <message>
        <source>Nobody called %1 is on the server now.</source>
        <translation>伺服器上現在沒有叫 %1 的人。</translation>
    </message>
    <message>
        <source>There is no room %1.</source>
        <translation>沒有 %1 這個聊天室。</translation>
    </message>
    <message>
        <source>You cannot write in %1 now.</source>
        <translation>你現在不能在 %1 發言。</translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>未連線到伺服器</translation>
    </message>
    <message>
        <source>This server cannot change your display name now: it is used from your next login</source>
        <translation>此伺服器現在無法變更你的顯示名稱：下次登入時生效</translation>
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
        <translation>%1 已登入為帳號 %2</translation>
    </message>
    <message>
        <source>%1 is in %2</source>
        <translation>%1 在 %2</translation>
    </message>
    <message>
        <source>%1 has been idle for %2, online since %3</source>
        <translation>%1 已閒置 %2，自 %3 起在線</translation>
    </message>
    <message>
        <source>%1 has been idle for %2</source>
        <translation>%1 已閒置 %2</translation>
    </message>
    <message>
        <source>%1 is a server operator</source>
        <translation>%1 是伺服器管理員</translation>
    </message>
    <message>
        <source>%1 uses a secure connection (TLS)</source>
        <translation>%1 使用安全連線（TLS）</translation>
    </message>
    <message>
        <source>%1 is connected to %2</source>
        <translation>%1 連線在 %2</translation>
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
        <translation>1 分鐘</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n 分鐘</numerusform>
        </translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小時</translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n 小時</numerusform>
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
        <translation>/msg 名字 內容</translation>
    </message>
    <message>
        <source>Send a private message</source>
        <translation>傳送私訊</translation>
    </message>
    <message>
        <source>/query name</source>
        <translation>/query 名字</translation>
    </message>
    <message>
        <source>Open a private conversation</source>
        <translation>開啟私聊</translation>
    </message>
    <message>
        <source>to:name text</source>
        <translation>to:名字 內容</translation>
    </message>
    <message>
        <source>Switch to a private conversation (and write)</source>
        <translation>切換到私聊（並傳送）</translation>
    </message>
    <message>
        <source>/me text</source>
        <translation>/me 內容</translation>
    </message>
    <message>
        <source>Describe what you do (&quot;* me waves&quot;)</source>
        <translation>描述你的動作（「* me 揮手」）</translation>
    </message>
    <message>
        <source>/join #room</source>
        <translation>/join #聊天室</translation>
    </message>
    <message>
        <source>Join a room, or create it</source>
        <translation>加入聊天室，或建立它</translation>
    </message>
    <message>
        <source>/part [reason]</source>
        <translation>/part [原因]</translation>
    </message>
    <message>
        <source>Leave this room</source>
        <translation>離開這個聊天室</translation>
    </message>
    <message>
        <source>/topic [text]</source>
        <translation>/topic [內容]</translation>
    </message>
    <message>
        <source>Show or change the topic of this room</source>
        <translation>顯示或變更這個聊天室的話題</translation>
    </message>
    <message>
        <source>/list</source>
        <translation>/list</translation>
    </message>
    <message>
        <source>Find rooms on the server</source>
        <translation>尋找伺服器上的聊天室</translation>
    </message>
    <message>
        <source>/whois name</source>
        <translation>/whois 名字</translation>
    </message>
    <message>
        <source>Show who someone is</source>
        <translation>顯示某人的資訊</translation>
    </message>
    <message>
        <source>/nick newname</source>
        <translation>/nick 新名字</translation>
    </message>
    <message>
        <source>Change your name</source>
        <translation>變更你的名字</translation>
    </message>
    <message>
        <source>/away [reason]</source>
        <translation>/away [原因]</translation>
    </message>
    <message>
        <source>Mark yourself as away</source>
        <translation>把自己標記為離開</translation>
    </message>
    <message>
        <source>/back</source>
        <translation>/back</translation>
    </message>
    <message>
        <source>Mark yourself as back</source>
        <translation>把自己標記為回來了</translation>
    </message>
    <message>
        <source>/quit [reason]</source>
        <translation>/quit [原因]</translation>
    </message>
    <message>
        <source>Leave the chat and close Confab</source>
        <translation>離開聊天並關閉 Confab</translation>
    </message>
    <message>
        <source>/help</source>
        <translation>/help</translation>
    </message>
    <message>
        <source>Show this list</source>
        <translation>顯示這個列表</translation>
    </message>
    <message>
        <source>//text</source>
        <translation>//內容</translation>
    </message>
    <message>
        <source>Send text that starts with a slash</source>
        <translation>傳送以斜線開頭的文字</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Complete a name or a room</source>
        <translation>補全名字或聊天室</translation>
    </message>
    <message>
        <source>%1 is offline: your message will be delivered when %1 returns</source>
        <translation>%1 不在線上：你的訊息將在 %1 回來時送達</translation>
    </message>
</context>
<context>
    <name>FileCardPainter</name>
    <message>
        <source>Download</source>
        <translation>下載</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Downloading… %1 of %2</source>
        <translation>正在下載… %1 / %2</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下載…</translation>
    </message>
    <message>
        <source>%1 — saved as %2</source>
        <translation>%1 — 已儲存為 %2</translation>
    </message>
    <message>
        <source>Size unknown</source>
        <translation>大小不明</translation>
    </message>
    <message>
        <source>Loading picture “%1”…</source>
        <translation>正在載入圖片「%1」…</translation>
    </message>
</context>
<context>
    <name>FileDownload</name>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>無法寫入「%1」：%2</translation>
    </message>
    <message>
        <source>The file is too large to show here.</source>
        <translation>檔案太大，無法在此顯示。</translation>
    </message>
    <message>
        <source>This file is no longer on the server.</source>
        <translation>伺服器上已沒有這個檔案。</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>伺服器回傳了錯誤（HTTP %1）。</translation>
    </message>
    <message>
        <source>The file server&apos;s certificate is not the chat server&apos;s.</source>
        <translation>檔案伺服器的憑證不是聊天伺服器的憑證。</translation>
    </message>
    <message>
        <source>The download failed: %1</source>
        <translation>下載失敗：%1</translation>
    </message>
</context>
<context>
    <name>FileHostUpload</name>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>無法讀取「%1」：%2</translation>
    </message>
    <message>
        <source>The upload of “%1” was cancelled.</source>
        <translation>「%1」的上傳已取消。</translation>
    </message>
    <message>
        <source>The server took “%1” but did not say where it is.</source>
        <translation>伺服器收下了「%1」，但沒有告知它的位址。</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>「%1」未傳送：%2</translation>
    </message>
    <message>
        <source>the server refused the file or its name.</source>
        <translation>伺服器拒絕了該檔案或其檔名。</translation>
    </message>
    <message>
        <source>the server did not accept your account for uploads. Guests cannot send files; sign in with an account.</source>
        <translation>伺服器不接受您的帳號上傳檔案。訪客不能傳送檔案，請用帳號登入。</translation>
    </message>
    <message>
        <source>the upload was too slow and the server gave up. Try again on a faster connection.</source>
        <translation>上傳太慢，伺服器已放棄。請在更快的網路上重試。</translation>
    </message>
    <message>
        <source>the server did not accept how the file was sent.</source>
        <translation>伺服器不接受該檔案的傳送方式。</translation>
    </message>
    <message>
        <source>the file is larger than this server accepts.</source>
        <translation>檔案超過了此伺服器允許的大小。</translation>
    </message>
    <message>
        <source>the server is busy. Try again in a moment.</source>
        <translation>伺服器忙碌中，請稍後再試。</translation>
    </message>
    <message>
        <source>your storage on the server is full. Delete old files or ask the server&apos;s administrator for more room.</source>
        <translation>您在伺服器上的儲存空間已滿。請刪除舊檔案，或請伺服器管理員增加空間。</translation>
    </message>
    <message>
        <source>the server answered with an error (HTTP %1).</source>
        <translation>伺服器回傳了錯誤（HTTP %1）。</translation>
    </message>
    <message>
        <source>the file server&apos;s certificate is not the chat server&apos;s, so nothing was sent.</source>
        <translation>檔案伺服器的憑證不是聊天伺服器的憑證，因此沒有傳送任何內容。</translation>
    </message>
    <message>
        <source>the upload stalled and was stopped.</source>
        <translation>上傳停滯，已停止。</translation>
    </message>
    <message>
        <source>the file server cannot be reached.</source>
        <translation>無法連線到檔案伺服器。</translation>
    </message>
    <message>
        <source>the transfer failed: %1</source>
        <translation>傳輸失敗：%1</translation>
    </message>
    <message>
        <source>the file server stopped the upload before the whole file was sent (too slow a connection, or a problem on the server). Try again later.</source>
        <translation>檔案伺服器在檔案傳送完之前中止了上傳（網路太慢，或者伺服器出了問題）。請稍後再試。</translation>
    </message>
</context>
<context>
    <name>FilePreviews</name>
    <message>
        <source>This picture cannot be shown.</source>
        <translation>無法顯示這張圖片。</translation>
    </message>
    <message>
        <source>This file is no longer on the server.</source>
        <translation>伺服器上已沒有這個檔案。</translation>
    </message>
    <message>
        <source>The file server cannot be reached.</source>
        <translation>無法連線到檔案伺服器。</translation>
    </message>
</context>
<context>
    <name>FileSendControl</name>
    <message>
        <source>Send a &amp;file…</source>
        <translation>傳送檔案(&amp;F)…</translation>
    </message>
    <message>
        <source>Send a file or a picture to this conversation (or drop it here, or paste a picture)</source>
        <translation>向此對話傳送檔案或圖片（也可以拖放到這裡，或貼上圖片）</translation>
    </message>
    <message>
        <source>Open a conversation to send files to.</source>
        <translation>請先開啟要傳送檔案的對話。</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>傳送檔案</translation>
    </message>
</context>
<context>
    <name>FileSharing</name>
    <message>
        <source>Files can be sent once you are connected.</source>
        <translation>連線後才能傳送檔案。</translation>
    </message>
    <message>
        <source>This server does not take files.</source>
        <translation>此伺服器不接收檔案。</translation>
    </message>
    <message>
        <source>Guests cannot send files: sign in with an account to send them.</source>
        <translation>訪客不能傳送檔案：請用帳號登入後再傳送。</translation>
    </message>
    <message>
        <source>The picture could not be saved for sending.</source>
        <translation>無法儲存要傳送的圖片。</translation>
    </message>
    <message>
        <source>Choose a conversation first.</source>
        <translation>請先選擇一個對話。</translation>
    </message>
    <message>
        <source>This server takes files at another address (%1); your password is not sent there over an unencrypted connection.</source>
        <translation>此伺服器在另一個位址（%1）接收檔案；在未加密的連線上，您的密碼不會傳送到那裡。</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Commands</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Type a message and press Enter to send it to the conversation on screen. These commands do more:</source>
        <translation>輸入訊息並按 Enter，即可傳送到目前的對話。以下指令可以做更多事：</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>指令</translation>
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
        <translation>正在這台電腦上啟動聊天伺服器…</translation>
    </message>
    <message>
        <source>The chat could not be started: %1</source>
        <translation>無法開始聊天：%1</translation>
    </message>
    <message>
        <source>Hosting %1. Logging in…</source>
        <translation>正在主持 %1。正在登入…</translation>
    </message>
</context>
<context>
    <name>HostedServer</name>
    <message>
        <source>No free port from %1 to %2 for the chat server.</source>
        <translation>從 %1 到 %2 沒有可供聊天伺服器使用的空閒連接埠。</translation>
    </message>
    <message>
        <source>Cannot create your account on the chat server: %1</source>
        <translation>無法在聊天伺服器上建立你的帳號：%1</translation>
    </message>
</context>
<context>
    <name>HostingControl</name>
    <message>
        <source>Hosting · nobody else here yet</source>
        <translation>正在主持 · 還沒有其他人</translation>
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
        <translation>你在這台電腦上主持「%1」：連接埠 %2，TLS 連接埠 %3。憑證指紋：%4</translation>
    </message>
    <message>
        <source>Starting the hosted chat…</source>
        <translation>正在開始主持的聊天…</translation>
    </message>
    <message>
        <source>Ending the hosted chat…</source>
        <translation>正在結束主持的聊天…</translation>
    </message>
    <message>
        <source>&amp;Host a chat on this computer…</source>
        <translation>在這台電腦上主持聊天(&amp;H)…</translation>
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
        <translation>結束 Confab</translation>
    </message>
    <message>
        <source>&amp;Quit and end the chat</source>
        <translation>結束並終止聊天(&amp;Q)</translation>
    </message>
    <message>
        <source>The chat you host will end for the other person in it.</source>
        <translation>你主持的聊天將對其中的另一個人結束。</translation>
    </message>
    <message numerus="yes">
        <source>The chat you host will end for the %n other people in it.</source>
        <translation>
            <numerusform>你主持的聊天將對其中的另外 %n 個人結束。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LanServerModel</name>
    <message>
        <source>%1 — %2 port %3</source>
        <translation>%1 — %2 連接埠 %3</translation>
    </message>
    <message>
        <source>Secure connection (TLS) to %1 (%2), port %3.</source>
        <translation>到 %1（%2）連接埠 %3 的安全連線（TLS）。</translation>
    </message>
    <message>
        <source>Unencrypted connection to %1 (%2), port %3.</source>
        <translation>到 %1（%2）連接埠 %3 的未加密連線。</translation>
    </message>
    <message>
        <source>Only people with an account can chat here.</source>
        <translation>只有擁有帳號的人才能在這裡聊天。</translation>
    </message>
    <message>
        <source>%1, secure, %2 port %3</source>
        <translation>%1，安全連線，%2 連接埠 %3</translation>
    </message>
    <message>
        <source>%1, not encrypted, %2 port %3</source>
        <translation>%1，未加密，%2 連接埠 %3</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation>連線(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Connect to a chat server</source>
        <translation>連線到聊天伺服器</translation>
    </message>
    <message>
        <source>for example chat.example.org</source>
        <translation>例如 chat.example.org</translation>
    </message>
    <message>
        <source>the name others will see</source>
        <translation>其他人看到的名稱</translation>
    </message>
    <message>
        <source>only if the server asks for one</source>
        <translation>僅在伺服器要求時填寫</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>伺服器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>連接埠(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密碼(&amp;W)：</translation>
    </message>
    <message>
        <source>Enter the name others will see you as.</source>
        <translation>請輸入其他人看到的你的名稱。</translation>
    </message>
    <message numerus="yes">
        <source>A name can have at most %n characters.</source>
        <translation>
            <numerusform>名稱最多只能有 %n 個字元。</numerusform>
        </translation>
    </message>
    <message>
        <source>A name must start with a letter (a–z) or one of [ ] \ ` _ ^ { | }.</source>
        <translation>名稱必須以字母（a–z）或 [ ] \ ` _ ^ { | } 之一開頭。</translation>
    </message>
    <message>
        <source>A name can only contain letters a–z, digits, - and [ ] \ ` _ ^ { | } — no spaces.</source>
        <translation>名稱只能包含字母 a–z、數字、- 以及 [ ] \ ` _ ^ { | }——不能有空格。</translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2. Is the chat server running there?</source>
        <translation>%1 拒絕了連接埠 %2 上的連線。聊天伺服器在執行嗎？</translation>
    </message>
    <message>
        <source>The server %1 could not be found. Check its name.</source>
        <translation>找不到伺服器 %1。請檢查名稱。</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached. Check your network connection.</source>
        <translation>無法連到伺服器 %1。請檢查網路連線。</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>伺服器 %1 沒有及時回應。</translation>
    </message>
    <message>
        <source>The server did not accept the password.</source>
        <translation>伺服器不接受該密碼。</translation>
    </message>
    <message>
        <source>The server closed the connection: %1</source>
        <translation>伺服器關閉了連線：%1</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>與 %1 的連線已中斷。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation>與 %1 的連線已中斷：%2</translation>
    </message>
    <message>
        <source>&amp;Use this name</source>
        <translation>使用這個名稱(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重試(&amp;T)</translation>
    </message>
    <message>
        <source>Trying the name %1…</source>
        <translation>正在嘗試名稱 %1…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在連線到 %1…</translation>
    </message>
    <message>
        <source>Connected to %1, logging in…</source>
        <translation>已連線到 %1，正在登入…</translation>
    </message>
    <message>
        <source>The name %1 is already taken. Choose another one.</source>
        <translation>名稱 %1 已被使用。請換一個。</translation>
    </message>
    <message>
        <source>The server does not accept the name %1: %2</source>
        <translation>伺服器不接受名稱 %1：%2</translation>
    </message>
    <message>
        <source>optional: your name in any language</source>
        <translation>選填：任何語言的名字</translation>
    </message>
    <message>
        <source>Names on the server are plain letters a–z; others see this name next to it.</source>
        <translation>伺服器上的名字只能用字母 a–z；別人會在它旁邊看到這個名字。</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>顯示名稱(&amp;D)：</translation>
    </message>
    <message>
        <source>Secure connection (TLS)</source>
        <translation>安全連線 (TLS)</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>在這台電腦上記住我(&amp;R)</translation>
    </message>
    <message>
        <source>Encrypts the connection. A server with its own certificate (on a LAN) is trusted once you confirm its fingerprint.</source>
        <translation>加密連線。使用自有憑證的伺服器（在區域網路中）在您確認其指紋後即受信任。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>建立帳號</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>訪客</translation>
    </message>
    <message>
        <source>Log in to your account with its password.</source>
        <translation>用密碼登入你的帳號。</translation>
    </message>
    <message>
        <source>Make an account for the name below, so that nobody else can use it.</source>
        <translation>為下面的名字建立帳號，這樣別人就不能使用它。</translation>
    </message>
    <message>
        <source>Chat under a name without an account, where the server allows it.</source>
        <translation>在伺服器允許時，不用帳號、只用一個名字聊天。</translation>
    </message>
    <message>
        <source>the same password again</source>
        <translation>再輸入一次同樣的密碼</translation>
    </message>
    <message>
        <source>The password is kept in your system&apos;s keyring, never in a file.</source>
        <translation>密碼保存在系統的鑰匙圈中，絕不會寫入檔案。</translation>
    </message>
    <message>
        <source>R&amp;ecent:</source>
        <translation>最近(&amp;E)：</translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation>重複密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>%1 on %2 (guest)</source>
        <translation>%2 上的 %1（訪客）</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Reading your password from the keyring…</source>
        <translation>正在從鑰匙圈讀取你的密碼…</translation>
    </message>
    <message>
        <source>There is no keyring on this computer to keep your password in, so it was not saved. You will be asked for it next time.</source>
        <translation>這台電腦上沒有可以保存密碼的鑰匙圈，所以密碼沒有保存。下次會再詢問你。</translation>
    </message>
    <message>
        <source>Your saved password was not found in the keyring. Enter it again.</source>
        <translation>在鑰匙圈中找不到你保存的密碼。請重新輸入。</translation>
    </message>
    <message>
        <source>The keyring did not allow Confab to use your password (it may be locked).</source>
        <translation>鑰匙圈不允許 Confab 使用你的密碼（它可能已鎖定）。</translation>
    </message>
    <message>
        <source>The keyring could not be used, so your password is not kept.</source>
        <translation>無法使用鑰匙圈，所以不會保存你的密碼。</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>帳號(&amp;A)：</translation>
    </message>
    <message>
        <source>Server pass&amp;word:</source>
        <translation>伺服器密碼(&amp;W)：</translation>
    </message>
    <message>
        <source>your account&apos;s password</source>
        <translation>你的帳號密碼</translation>
    </message>
    <message>
        <source>choose a password</source>
        <translation>設定一個密碼</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登入(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;reate account</source>
        <translation>建立帳號(&amp;R)</translation>
    </message>
    <message>
        <source>The account name or the password is wrong.</source>
        <translation>帳號名稱或密碼錯誤。</translation>
    </message>
    <message>
        <source>Too many wrong passwords were tried. Wait a few minutes, then try again.</source>
        <translation>嘗試了太多次錯誤密碼。請等幾分鐘再試。</translation>
    </message>
    <message>
        <source>%1 has no accounts. Connect as a guest instead.</source>
        <translation>%1 沒有帳號功能。請改用訪客身分連線。</translation>
    </message>
    <message>
        <source>%1 accepts your password only over a secure connection.</source>
        <translation>%1 只在安全連線上接受你的密碼。</translation>
    </message>
    <message>
        <source>An account with this name exists already. Sign in to it, or choose another name.</source>
        <translation>同名帳號已存在。請登入該帳號，或換一個名字。</translation>
    </message>
    <message>
        <source>The server does not accept this password. Choose a longer one.</source>
        <translation>伺服器不接受這個密碼。請換一個更長的。</translation>
    </message>
    <message>
        <source>The server does not accept this password: %1</source>
        <translation>伺服器不接受這個密碼：%1</translation>
    </message>
    <message>
        <source>The server does not accept this account name.</source>
        <translation>伺服器不接受這個帳號名稱。</translation>
    </message>
    <message>
        <source>The server does not accept this account name: %1</source>
        <translation>伺服器不接受這個帳號名稱：%1</translation>
    </message>
    <message>
        <source>Accounts cannot be used on %1 right now.</source>
        <translation>%1 上現在無法使用帳號。</translation>
    </message>
    <message>
        <source>The account cannot be used right now: %1</source>
        <translation>現在無法使用該帳號：%1</translation>
    </message>
    <message>
        <source>No secure connection to %1 on port %2: %3. Is that the server&apos;s TLS port (usually 6697)?</source>
        <translation>無法在連接埠 %2 上與 %1 建立安全連線：%3。這是伺服器的 TLS 連接埠（通常為 6697）嗎？</translation>
    </message>
    <message>
        <source>Not connected: you did not trust the certificate of %1.</source>
        <translation>未連線：您沒有信任 %1 的憑證。</translation>
    </message>
    <message>
        <source>Enter your account&apos;s password.</source>
        <translation>請輸入你的帳號密碼。</translation>
    </message>
    <message>
        <source>Choose a password for the account.</source>
        <translation>請為帳號設定一個密碼。</translation>
    </message>
    <message>
        <source>Type the password again below.</source>
        <translation>請在下面再輸入一次密碼。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>兩次輸入的密碼不一致。</translation>
    </message>
    <message>
        <source>The name %1 belongs to an account. Sign in with its password, or choose another name.</source>
        <translation>名字 %1 屬於一個帳號。請用它的密碼登入，或換一個名字。</translation>
    </message>
    <message>
        <source>Chat servers on this network</source>
        <translation>此網路上的聊天伺服器</translation>
    </message>
    <message>
        <source>Chat servers on this network (choose one, or enter a server below):</source>
        <translation>此網路上的聊天伺服器（選擇一個，或在下方輸入伺服器）：</translation>
    </message>
    <message>
        <source>Servers on this network cannot be listed: the Avahi service is not running on this computer. Enter a server&apos;s address below.</source>
        <translation>無法列出此網路上的伺服器：這部電腦未執行 Avahi 服務。請在下方輸入伺服器位址。</translation>
    </message>
    <message>
        <source>Servers on this network cannot be listed right now. Enter a server&apos;s address below.</source>
        <translation>目前無法列出此網路上的伺服器。請在下方輸入伺服器位址。</translation>
    </message>
    <message>
        <source>No chat servers found on this network. Enter a server&apos;s address below.</source>
        <translation>此網路上找不到聊天伺服器。請在下方輸入伺服器位址。</translation>
    </message>
    <message>
        <source>Looking for chat servers on this network…</source>
        <translation>正在尋找此網路上的聊天伺服器…</translation>
    </message>
    <message>
        <source>Runs a chat server in Confab for the people on this network: they find it in their login window. Only a name is needed.</source>
        <translation>在 Confab 中為這個網路上的人執行一個聊天伺服器：他們會在登入視窗中找到它。只需要一個名字。</translation>
    </message>
    <message>
        <source>&amp;Join the chat you host</source>
        <translation>加入你主持的聊天(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Host a chat on this computer</source>
        <translation>在這台電腦上主持聊天(&amp;H)</translation>
    </message>
    <message>
        <source>The chat server&apos;s name or address. For a network of several servers, list them separated by commas: Confab uses the first that answers, and another one if it goes away.</source>
        <translation>聊天伺服器的名稱或位址。若一個網路有多台伺服器，請用逗號分隔列出：Confab 使用第一台回應的伺服器，它斷線後改用另一台。</translation>
    </message>
    <message>
        <source>“%1” is not a server address. Use a name or name:port, several separated by commas.</source>
        <translation>「%1」不是伺服器位址。請使用 名稱 或 名稱:連接埠，多個位址以逗號分隔。</translation>
    </message>
    <message numerus="yes">
        <source>None of the %n servers answered. The last one: %1</source>
        <translation>
            <numerusform>%n 台伺服器都沒有回應。最後一台：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Send</source>
        <translation>傳送</translation>
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
        <translation>連線(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>中斷連線(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>C&amp;onversation</source>
        <translation>對話(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>下一個對話(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>上一個對話(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reply to last private message</source>
        <translation>回覆最近的私人訊息(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close conversation</source>
        <translation>關閉對話(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Confab</source>
        <translation>關於 Confab(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>關於 &amp;Qt</translation>
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
        <translation>與 %1 的私人對話</translation>
    </message>
    <message>
        <source>Not in any conversation yet</source>
        <translation>尚未進入任何對話</translation>
    </message>
    <message>
        <source>%1 — no topic</source>
        <translation>%1——沒有話題</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1——%2</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未連線</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在連線…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登入…</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>已連線，名稱為 %1</translation>
    </message>
    <message>
        <source>Lag: –</source>
        <translation>延遲：–</translation>
    </message>
    <message>
        <source>Lag: %1 ms</source>
        <translation>延遲：%1 毫秒</translation>
    </message>
    <message>
        <source>Message from %1</source>
        <translation>來自 %1 的訊息</translation>
    </message>
    <message>
        <source>Send several lines?</source>
        <translation>傳送多行內容？</translation>
    </message>
    <message>
        <source>About Confab</source>
        <translation>關於 Confab</translation>
    </message>
    <message>
        <source>Confab %1

A simple chat program for IRC chat servers: rooms, private conversations and a list of who is online.

Built with Qt %2.</source>
        <translation>Confab %1

一個用於 IRC 聊天伺服器的簡單聊天程式：聊天室、私人對話以及線上人員清單。

以 Qt %2 建置。</translation>
    </message>
    <message>
        <source>Type a message (/help for commands)</source>
        <translation>輸入訊息（/help 查看指令）</translation>
    </message>
    <message>
        <source>Disconnected — trying again in %1 s</source>
        <translation>連線已中斷——%1 秒後重試</translation>
    </message>
    <message>
        <source>The pasted text has %1 lines. Send each line as a separate message?</source>
        <translation>貼上的文字有 %1 行。要把每一行當作單獨的訊息傳送嗎？</translation>
    </message>
    <message>
        <source>Send %1 messages</source>
        <translation>傳送 %1 則訊息</translation>
    </message>
    <message>
        <source>&amp;Leave %1</source>
        <translation>離開 %1(&amp;L)</translation>
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
        <translation>聊天室名稱（新名稱會建立聊天室）：</translation>
    </message>
    <message>
        <source>&amp;Find rooms…</source>
        <translation>尋找聊天室(&amp;F)…</translation>
    </message>
    <message>
        <source>Change &amp;name…</source>
        <translation>變更名字(&amp;N)…</translation>
    </message>
    <message>
        <source>Change name</source>
        <translation>變更名字</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名字：</translation>
    </message>
    <message>
        <source>Set &amp;display name…</source>
        <translation>設定顯示名稱(&amp;D)…</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>顯示名稱</translation>
    </message>
    <message>
        <source>Your name as others see it, in any language:</source>
        <translation>別人看到的你的名字，可用任何語言：</translation>
    </message>
    <message>
        <source>Set &amp;away…</source>
        <translation>設為離開(&amp;A)…</translation>
    </message>
    <message>
        <source>Set away</source>
        <translation>設為離開</translation>
    </message>
    <message>
        <source>Message for people who write to you:</source>
        <translation>給找你的人的留言：</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>離開</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>回來了(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Commands</source>
        <translation>指令(&amp;C)</translation>
    </message>
    <message>
        <source>You are away</source>
        <translation>你處於離開狀態</translation>
    </message>
    <message>
        <source>You are away: %1</source>
        <translation>你處於離開狀態：%1</translation>
    </message>
    <message>
        <source>Choose Chat → Back (or type /back) when you are back</source>
        <translation>回來後請選擇 聊天 → 回來了（或輸入 /back）</translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation>%1 在 %2 提到了你</translation>
    </message>
    <message>
        <source>Add a &amp;contact…</source>
        <translation>新增聯絡人(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Find in conversation…</source>
        <translation>在對話中尋找(&amp;F)…</translation>
    </message>
    <message>
        <source>Search &amp;all conversations…</source>
        <translation>搜尋所有對話(&amp;A)…</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>伺服器：%1</translation>
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
        <translation>%1 暫時離開：%2</translation>
    </message>
    <message>
        <source>%1 is away</source>
        <translation>%1 暫時離開</translation>
    </message>
    <message>
        <source>%1 — double-click to talk privately</source>
        <translation>%1 — 按兩下進行私聊</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Find a person by name…</source>
        <translation>依名稱尋找…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成員</translation>
    </message>
    <message numerus="yes">
        <source>%n people here</source>
        <translation>
            <numerusform>這裡有 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Send a private message</source>
        <translation>傳送私人訊息(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add %1 to contacts</source>
        <translation>將 %1 新增至聯絡人(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>New messages</source>
        <translation>新訊息</translation>
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
        <translation>尋找聊天室</translation>
    </message>
    <message>
        <source>Filter by name or topic…</source>
        <translation>依名稱或話題篩選…</translation>
    </message>
    <message>
        <source>Asking the server for its rooms…</source>
        <translation>正在向伺服器查詢聊天室…</translation>
    </message>
    <message>
        <source>1 room</source>
        <translation>1 個聊天室</translation>
    </message>
    <message numerus="yes">
        <source>%n rooms</source>
        <translation>
            <numerusform>%n 個聊天室</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n rooms</source>
        <translation>
            <numerusform>%n 個聊天室中的 %1 個</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomDirectoryModel</name>
    <message>
        <source>Double-click to join %1</source>
        <translation>按兩下加入 %1</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>聊天室</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人數</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>話題</translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message numerus="yes">
        <source>%1 (%n unread)</source>
        <translation>
            <numerusform>%1（%n 則未讀）</numerusform>
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
        <translation>搜尋訊息</translation>
    </message>
    <message>
        <source>Words to find, in any language</source>
        <translation>要尋找的詞，任何語言皆可</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>在 %1 中</translation>
    </message>
    <message>
        <source>In all conversations</source>
        <translation>在所有對話中</translation>
    </message>
    <message>
        <source>Type to search the messages kept on this computer.</source>
        <translation>輸入文字，搜尋保存在這台電腦上的訊息。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3: %4</source>
        <translation>%1 · %2 · %3：%4</translation>
    </message>
    <message>
        <source>No messages contain “%1”.</source>
        <translation>沒有包含「%1」的訊息。</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n messages that contain “%1”:</source>
        <translation>
            <numerusform>包含「%1」的最新 %n 則訊息：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) contain “%1”:</source>
        <translation>
            <numerusform>%n 則訊息包含「%1」：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerTransport</name>
    <message>
        <source>the server did not answer the TLS handshake</source>
        <translation>伺服器沒有回應 TLS 交握</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Show when people &amp;join and leave rooms</source>
        <translation>顯示有人加入和離開聊天室(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Closing the window keeps Confab running in the tray</source>
        <translation>關閉視窗時讓 Confab 在系統匣中繼續執行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Notify me when someone mentions my name</source>
        <translation>有人提到我的名字時通知我(&amp;N)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation>此桌面沒有系統匣</translation>
    </message>
    <message>
        <source>&amp;Time of messages:</source>
        <translation>訊息時間格式(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Start hosting a chat on this computer when Confab starts</source>
        <translation>Confab 啟動時在這台電腦上開始主持聊天(&amp;S)</translation>
    </message>
    <message>
        <source>People on this network can then always find the chat; you join it under your last name.</source>
        <translation>這樣這個網路上的人總能找到這個聊天；你會以上次使用的名字加入。</translation>
    </message>
</context>
<context>
    <name>StartOptions</name>
    <message>
        <source>Confab: chat with people on a chat (IRC) server.</source>
        <translation>Confab：在聊天（IRC）伺服器上與他人聊天。</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>主機:連接埠</translation>
    </message>
    <message>
        <source>The name to log in with.</source>
        <translation>登入時使用的名稱。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>The language, for example zh_CN, zh_TW or en.</source>
        <translation>介面語言，例如 zh_CN、zh_TW 或 en。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代碼</translation>
    </message>
    <message>
        <source>Log detail: debug, info, warning or critical.</source>
        <translation>日誌詳細程度：debug、info、warning 或 critical。</translation>
    </message>
    <message>
        <source>level</source>
        <translation>層級</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>非預期的參數：%1</translation>
    </message>
    <message>
        <source>Not a server address: %1 (use host:port)</source>
        <translation>不是伺服器位址：%1（請使用 主機:連接埠）</translation>
    </message>
    <message>
        <source>Connect at once, without the login dialog (with the name saved last time when --nick is not given).</source>
        <translation>立即連線，不顯示登入對話框（未指定 --nick 時使用上次儲存的名稱）。</translation>
    </message>
    <message>
        <source>Use a secure connection (TLS; the default), on port 6697 unless --server names another.</source>
        <translation>使用安全連線（TLS，預設），連接埠為 6697，除非 --server 指定了其他連接埠。</translation>
    </message>
    <message>
        <source>Use an unencrypted connection, on port 6667 unless --server names another.</source>
        <translation>使用未加密的連線，連接埠為 6667，除非 --server 指定了其他連接埠。</translation>
    </message>
    <message>
        <source>Use either --tls or --no-tls, not both.</source>
        <translation>只能使用 --tls 或 --no-tls 其中之一，不能同時使用。</translation>
    </message>
    <message>
        <source>The chat server to use, as host:port; several nodes of one network separated by commas.</source>
        <translation>要使用的聊天伺服器，格式為 主機:連接埠；同一網路的多個節點以逗號分隔。</translation>
    </message>
</context>
<context>
    <name>SystemTray</name>
    <message>
        <source>&amp;Show Confab</source>
        <translation>顯示 Confab(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>Confab</source>
        <translation>Confab</translation>
    </message>
    <message>
        <source>Confab — 1 unread message</source>
        <translation>Confab — 1 則未讀訊息</translation>
    </message>
    <message numerus="yes">
        <source>Confab — %n unread messages</source>
        <translation>
            <numerusform>Confab — %n 則未讀訊息</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TypingBar</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 正在輸入…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 和 %2 正在輸入…</translation>
    </message>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation>
            <numerusform>%n 人正在輸入…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UploadProgressPanel</name>
    <message>
        <source>Sending “%1” (%2) to %3</source>
        <translation>正在將「%1」（%2）傳送到 %3</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>

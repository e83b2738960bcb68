<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Availability</name>
    <message>
        <source>Ungrouped</source>
        <translation>未分组</translation>
    </message>
</context>
<context>
    <name>ConfigText</name>
    <message>
        <source>%1:%2: section [%3] appears again (first on line %4): both are read as one, a key set in both takes the later value</source>
        <translation>%1:%2: 节 [%3] 再次出现（首次在第 %4 行）：两处合并读取，两处都设置的键以后者为准</translation>
    </message>
    <message>
        <source>%1:%2: [%3] %4: the quoted value has no closing %5</source>
        <translation>%1:%2: [%3] %4：带引号的值缺少结尾的 %5</translation>
    </message>
    <message>
        <source>%1:%2: [%3] %4: only a comment (after ; or #) may follow the closing %5</source>
        <translation>%1:%2: [%3] %4：结尾的 %5 之后只能跟注释（以 ; 或 # 开头）</translation>
    </message>
    <message>
        <source>%1:%2: [%3] %4 is set again (first on line %5): the value on line %2 is used</source>
        <translation>%1:%2: [%3] %4 被重复设置（首次在第 %5 行）：采用第 %2 行的值</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not a whole number</source>
        <translation>%1 = &quot;%2&quot; 不是整数</translation>
    </message>
    <message>
        <source>%1 = %2 must be at least %3</source>
        <translation>%1 = %2 不能小于 %3</translation>
    </message>
    <message>
        <source>%1 = %2 is more than %3: %3 is used</source>
        <translation>%1 = %2 超过 %3：改用 %3</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not a hash rate in H/s (e.g. 0, 3.5e15 or 350T)</source>
        <translation>%1 = &quot;%2&quot; 不是以 H/s 为单位的算力（例如 0、3.5e15 或 350T）</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is too large to be a hash rate</source>
        <translation>%1 = &quot;%2&quot; 太大，不可能是算力</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not an http:// or https:// URL</source>
        <translation>%1 = &quot;%2&quot; 不是 http:// 或 https:// 网址</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 为空</translation>
    </message>
    <message>
        <source>%1 must be greater than %2</source>
        <translation>%1 必须大于 %2</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is neither a numeric chat id nor @channelname</source>
        <translation>%1 = &quot;%2&quot; 既不是数字聊天 ID，也不是 @频道名</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; must be delete or edit</source>
        <translation>%1 = &quot;%2&quot; 只能是 delete 或 edit</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; must be en or zh_CN</source>
        <translation>%1 = &quot;%2&quot; 只能是 en 或 zh_CN</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not a known provider (%3)</source>
        <translation>%1 = &quot;%2&quot; 不是已知的矿池类型（%3）</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot;: &quot;%3&quot; is not a Telegram user id (a positive number; ask @userinfobot for yours)</source>
        <translation>%1 = &quot;%2&quot;：&quot;%3&quot; 不是 Telegram 用户 ID（应为正整数；可向 @userinfobot 查询自己的 ID）</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; must be on or off</source>
        <translation>%1 = &quot;%2&quot; 只能是 on 或 off</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot;: %3</source>
        <translation>%1 = &quot;%2&quot;：%3</translation>
    </message>
    <message>
        <source>expected socks5://host:port or http://host:port</source>
        <translation>应为 socks5://主机:端口 或 http://主机:端口</translation>
    </message>
    <message>
        <source>the scheme must be socks5 or http, not &quot;%1&quot;</source>
        <translation>协议必须是 socks5 或 http，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the port is missing (e.g. :1080)</source>
        <translation>缺少端口（例如 :1080）</translation>
    </message>
    <message>
        <source>a proxy takes no path</source>
        <translation>代理地址不能带路径</translation>
    </message>
    <message>
        <source>the proxy at %1 refused the connection</source>
        <translation>位于 %1 的代理拒绝了连接</translation>
    </message>
    <message>
        <source>the proxy at %1 refused the user name or password</source>
        <translation>位于 %1 的代理拒绝了用户名或密码</translation>
    </message>
    <message>
        <source>the proxy at %1 did not answer</source>
        <translation>位于 %1 的代理没有响应</translation>
    </message>
    <message>
        <source>the proxy at %1 failed: %2</source>
        <translation>位于 %1 的代理出错：%2</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not a time of day (HH:MM, e.g. 08:00)</source>
        <translation>%1 = “%2” 不是一天中的时间（HH:MM，例如 08:00）</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not a window of the day (HH:MM-HH:MM, e.g. 23:00-07:00)</source>
        <translation>%1 = “%2” 不是一天中的时段（HH:MM-HH:MM，例如 23:00-07:00）</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; begins where it ends; leave it empty for no quiet hours</source>
        <translation>%1 = “%2” 的开始与结束相同；不需要静默时段请留空</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not a time zone this system knows (an IANA name such as Asia/Shanghai)</source>
        <translation>%1 = “%2” 不是本系统认识的时区（应为 IANA 名称，例如 Asia/Shanghai）</translation>
    </message>
    <message>
        <source>%1: a group&apos;s name has only letters, digits, &apos;-&apos; and &apos;_&apos; (&quot;%2&quot; has others)</source>
        <translation>%1：分组名只能包含字母、数字、“-”和“_”（“%2”含有其他字符）</translation>
    </message>
</context>
<context>
    <name>F2poolText</name>
    <message>
        <source>f2pool error %1 (no message)</source>
        <translation>f2pool 错误 %1（无说明）</translation>
    </message>
    <message>
        <source>f2pool error %1: %2</source>
        <translation>f2pool 错误 %1：%2</translation>
    </message>
    <message>
        <source>reply is empty</source>
        <translation>回复为空</translation>
    </message>
    <message>
        <source>reply is a JSON array, expected an object with a &quot;workers&quot; list</source>
        <translation>回复是一个 JSON 数组，应为包含 &quot;workers&quot; 列表的对象</translation>
    </message>
    <message>
        <source>reply is not valid JSON: %1 at offset %2</source>
        <translation>回复不是有效的 JSON：%1，位于偏移 %2</translation>
    </message>
    <message>
        <source> (it looks like an HTML page, e.g. a proxy or maintenance page)</source>
        <translation>（看起来是一个 HTML 页面，例如代理或维护页面）</translation>
    </message>
    <message>
        <source>reply has no &quot;workers&quot; list</source>
        <translation>回复中没有 &quot;workers&quot; 列表</translation>
    </message>
    <message>
        <source>reply&apos;s &quot;workers&quot; is not a list</source>
        <translation>回复中的 &quot;workers&quot; 不是列表</translation>
    </message>
    <message>
        <source> (pool says: %1)</source>
        <translation>（矿池返回：%1）</translation>
    </message>
    <message>
        <source>is not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>has no worker name</source>
        <translation>没有矿机名称</translation>
    </message>
    <message>
        <source>is not a list</source>
        <translation>不是列表</translation>
    </message>
    <message>
        <source>entry %1 %2</source>
        <translation>第 %1 项%2</translation>
    </message>
    <message>
        <source>reply&apos;s &quot;workers&quot; list has %1 entries and none is a usable worker (%2)</source>
        <translation>回复的 &quot;workers&quot; 列表有 %1 项，但没有一项是可用的矿机（%2）</translation>
    </message>
</context>
<context>
    <name>ProviderText</name>
    <message>
        <source>AntPool error %1</source>
        <translation>AntPool 错误 %1</translation>
    </message>
    <message>
        <source>AntPool error %1: %2</source>
        <translation>AntPool 错误 %1：%2</translation>
    </message>
    <message>
        <source>reply has no &quot;rows&quot; list of workers</source>
        <translation>回复中没有矿机的 &quot;rows&quot; 列表</translation>
    </message>
    <message>
        <source>check the user id, API key and secret</source>
        <translation>请检查用户 ID、API 密钥和私钥</translation>
    </message>
    <message>
        <source>the API key may lack the permission to read workers</source>
        <translation>API 密钥可能没有读取矿机的权限</translation>
    </message>
    <message>
        <source>the API key, this IP address or the key&apos;s permissions were refused: check the key, its IP whitelist and that it may read the mining pool</source>
        <translation>API 密钥、本机 IP 地址或密钥权限被拒绝：请检查密钥、其 IP 白名单以及是否允许读取矿池</translation>
    </message>
    <message>
        <source>the signature was refused: check the API secret</source>
        <translation>签名被拒绝：请检查 API 私钥</translation>
    </message>
    <message>
        <source>the request&apos;s timestamp is outside the pool&apos;s window: check the computer&apos;s clock</source>
        <translation>请求的时间戳超出矿池允许的时间窗口：请检查电脑的时钟</translation>
    </message>
    <message>
        <source>too many requests from this IP address</source>
        <translation>此 IP 地址的请求过多</translation>
    </message>
    <message>
        <source>Binance Pool error %1</source>
        <translation>币安矿池错误 %1</translation>
    </message>
    <message>
        <source>reply has neither &quot;code&quot; nor &quot;data&quot;</source>
        <translation>回复中既没有 &quot;code&quot; 也没有 &quot;data&quot;</translation>
    </message>
    <message>
        <source>reply&apos;s &quot;data&quot; is not an object</source>
        <translation>回复中的 &quot;data&quot; 不是对象</translation>
    </message>
    <message>
        <source>reply has no &quot;workerDatas&quot; list</source>
        <translation>回复中没有 &quot;workerDatas&quot; 列表</translation>
    </message>
    <message>
        <source>check the API key and secret</source>
        <translation>请检查 API 密钥和私钥</translation>
    </message>
    <message>
        <source>the key may lack the mining permission or this IP is not whitelisted</source>
        <translation>密钥可能没有矿池权限，或此 IP 不在白名单中</translation>
    </message>
    <message>
        <source>reply has no &quot;workers&quot; list</source>
        <translation>回复中没有 &quot;workers&quot; 列表</translation>
    </message>
    <message>
        <source>reply&apos;s &quot;workers&quot; is not a list</source>
        <translation>回复中的 &quot;workers&quot; 不是列表</translation>
    </message>
    <message>
        <source>check the access token</source>
        <translation>请检查访问令牌</translation>
    </message>
    <message>
        <source>the access profile may lack &quot;Allow access to web APIs&quot;</source>
        <translation>访问配置可能未开启“允许访问 Web API”</translation>
    </message>
    <message>
        <source>check the API key</source>
        <translation>请检查 API 密钥</translation>
    </message>
    <message>
        <source>the API key may lack read access to this subaccount</source>
        <translation>API 密钥可能没有读取此子账户的权限</translation>
    </message>
    <message>
        <source>reply is empty</source>
        <translation>回复为空</translation>
    </message>
    <message>
        <source>reply is not valid JSON: %1 at offset %2</source>
        <translation>回复不是有效的 JSON：%1，位于偏移 %2</translation>
    </message>
    <message>
        <source> (it looks like an HTML page, e.g. a proxy or maintenance page)</source>
        <translation>（看起来是一个 HTML 页面，例如代理或维护页面）</translation>
    </message>
    <message>
        <source>reply is not a JSON object</source>
        <translation>回复不是 JSON 对象</translation>
    </message>
    <message>
        <source>ViaBTC error 12004: this IP address is not on the API key&apos;s whitelist (%1)</source>
        <translation>ViaBTC 错误 12004：此 IP 地址不在 API 密钥的白名单中（%1）</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无消息</translation>
    </message>
    <message>
        <source>ViaBTC error %1</source>
        <translation>ViaBTC 错误 %1</translation>
    </message>
    <message>
        <source>ViaBTC error %1: %2</source>
        <translation>ViaBTC 错误 %1：%2</translation>
    </message>
    <message>
        <source>reply has no &quot;data&quot; object</source>
        <translation>回复中没有 &quot;data&quot; 对象</translation>
    </message>
    <message>
        <source>reply has no &quot;data&quot; list of workers</source>
        <translation>回复中没有矿机的 &quot;data&quot; 列表</translation>
    </message>
    <message>
        <source>this IP address may not be on the API key&apos;s whitelist</source>
        <translation>此 IP 地址可能不在 API 密钥的白名单中</translation>
    </message>
    <message>
        <source>%1 error: %2</source>
        <translation>%1 错误：%2</translation>
    </message>
</context>
<context>
    <name>ReplyCheckText</name>
    <message>
        <source>%1 ahead</source>
        <translation>快 %1</translation>
    </message>
    <message>
        <source>%1 behind</source>
        <translation>慢 %1</translation>
    </message>
    <message>
        <source>reply held as suspect: its total hashrate (%1 H/s) is not plausible</source>
        <translation>回复被视为可疑而暂不采用：其总算力（%1 H/s）不可信</translation>
    </message>
    <message>
        <source>reply held as suspect: it lists %1 of the %2 workers that were online at the last poll</source>
        <translation>回复被视为可疑而暂不采用：上次轮询时在线的 %2 台矿机中，它只列出了 %1 台</translation>
    </message>
    <message>
        <source>the pool&apos;s clock (its Date header) is %1 of this computer&apos;s and of its own workers&apos; shares; classified on this computer&apos;s clock</source>
        <translation>矿池的时钟（其 Date 头）比本机时钟及其矿机的份额时间%1；已按本机时钟判断</translation>
    </message>
    <message>
        <source>reply held as suspect: the pool&apos;s clock (its Date header) is %1 of this computer&apos;s, and its workers&apos; shares do not confirm it</source>
        <translation>回复被视为可疑而暂不采用：矿池的时钟（其 Date 头）比本机时钟%1，且其矿机的份额时间无法印证</translation>
    </message>
</context>
<context>
    <name>ReportPeriod</name>
    <message>
        <source>bad period &quot;%1&quot;: use yesterday, last-7-days, last-month or YYYY-MM-DD..YYYY-MM-DD</source>
        <translation>时段 &quot;%1&quot; 无效：请使用 yesterday、last-7-days、last-month 或 YYYY-MM-DD..YYYY-MM-DD</translation>
    </message>
    <message>
        <source>bad period &quot;%1&quot;: &quot;%2&quot; is not a date (YYYY-MM-DD)</source>
        <translation>时段 &quot;%1&quot; 无效：&quot;%2&quot; 不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>bad period &quot;%1&quot;: it ends before it begins</source>
        <translation>时段 &quot;%1&quot; 无效：结束早于开始</translation>
    </message>
    <message>
        <source>bad period &quot;%1&quot;: it has not begun yet</source>
        <translation>时段 &quot;%1&quot; 无效：尚未开始</translation>
    </message>
</context>
<context>
    <name>StoreText</name>
    <message>
        <source>it was written by a newer version of RigWatch (schema %1; this version understands up to %2). Upgrade RigWatch or choose another database file</source>
        <translation>它由更新版本的 RigWatch 写入（架构 %1；当前版本最高支持 %2）。请升级 RigWatch 或选择另一个数据库文件</translation>
    </message>
    <message>
        <source>it is an SQLite database of another program (it has tables but no RigWatch schema version)</source>
        <translation>它是其他程序的 SQLite 数据库（含有数据表，但没有 RigWatch 架构版本）</translation>
    </message>
    <message>
        <source>it was written by a newer version of RigWatch (schema %1)</source>
        <translation>它由更新版本的 RigWatch 写入（架构 %1）</translation>
    </message>
    <message>
        <source>upgrading it to schema %1 failed: %2</source>
        <translation>升级到架构 %1 失败：%2</translation>
    </message>
    <message>
        <source>the database is locked by another program</source>
        <translation>数据库被其他程序锁定</translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation>文件或其所在文件夹为只读</translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation>磁盘报告了输入/输出错误</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the file cannot be opened or created</source>
        <translation>无法打开或创建该文件</translation>
    </message>
    <message>
        <source>the file is not a database</source>
        <translation>该文件不是数据库</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>the database is not open</source>
        <translation>数据库未打开</translation>
    </message>
    <message>
        <source>cannot open database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>未提供文件名</translation>
    </message>
    <message>
        <source>it is a directory</source>
        <translation>它是一个目录</translation>
    </message>
    <message>
        <source>cannot read the worker states of account &quot;%1&quot;</source>
        <translation>无法读取账户“%1”的矿机状态</translation>
    </message>
    <message>
        <source>cannot read the state of account &quot;%1&quot;</source>
        <translation>无法读取账户“%1”的状态</translation>
    </message>
    <message>
        <source>cannot read the accounts</source>
        <translation>无法读取账户</translation>
    </message>
    <message>
        <source>cannot read the Telegram messages</source>
        <translation>无法读取 Telegram 消息</translation>
    </message>
    <message>
        <source>cannot save a Telegram message</source>
        <translation>无法保存 Telegram 消息</translation>
    </message>
    <message>
        <source>no saved message has id %1</source>
        <translation>没有 ID 为 %1 的已保存消息</translation>
    </message>
    <message>
        <source>cannot save the Telegram chat state</source>
        <translation>无法保存 Telegram 聊天状态</translation>
    </message>
    <message>
        <source>cannot read the Telegram chat state</source>
        <translation>无法读取 Telegram 聊天状态</translation>
    </message>
    <message>
        <source>cannot save the poll of account &quot;%1&quot;</source>
        <translation>无法保存账户“%1”的轮询结果</translation>
    </message>
    <message>
        <source>cannot save the failed poll of account &quot;%1&quot;</source>
        <translation>无法保存账户“%1”的失败轮询</translation>
    </message>
    <message>
        <source>cannot read the hashrate history of account &quot;%1&quot;</source>
        <translation>无法读取账户“%1”的算力历史</translation>
    </message>
    <message>
        <source>cannot read the hashrate history of worker &quot;%1&quot;</source>
        <translation>无法读取矿机“%1”的算力历史</translation>
    </message>
    <message>
        <source>cannot read the outages of account &quot;%1&quot;</source>
        <translation>无法读取账户“%1”的离线记录</translation>
    </message>
    <message>
        <source>cannot roll up old samples</source>
        <translation>无法汇总旧样本</translation>
    </message>
    <message>
        <source>cannot read the Telegram update offset</source>
        <translation>无法读取 Telegram 更新偏移量</translation>
    </message>
    <message>
        <source>cannot save the Telegram update offset</source>
        <translation>无法保存 Telegram 更新偏移量</translation>
    </message>
    <message>
        <source>cannot read the mutes</source>
        <translation>无法读取静音设置</translation>
    </message>
    <message>
        <source>cannot save a mute</source>
        <translation>无法保存静音设置</translation>
    </message>
    <message>
        <source>cannot end a mute</source>
        <translation>无法结束静音</translation>
    </message>
    <message>
        <source>cannot read the acknowledgements</source>
        <translation>无法读取确认记录</translation>
    </message>
    <message>
        <source>cannot save an acknowledgement</source>
        <translation>无法保存确认记录</translation>
    </message>
    <message>
        <source>cannot remove an acknowledgement</source>
        <translation>无法删除确认记录</translation>
    </message>
    <message>
        <source>cannot read the worker health of account &quot;%1&quot;</source>
        <translation>无法读取账户“%1”的矿机健康记录</translation>
    </message>
    <message>
        <source>cannot save the usual hashrate of &quot;%1&quot;</source>
        <translation>无法保存“%1”的常规算力</translation>
    </message>
    <message>
        <source>cannot compute the usual hashrates of account &quot;%1&quot;</source>
        <translation>无法计算账户“%1”的常规算力</translation>
    </message>
    <message>
        <source>cannot read when the last digest was sent</source>
        <translation>无法读取上次发送摘要的时间</translation>
    </message>
    <message>
        <source>cannot record that the digest was sent</source>
        <translation>无法记录摘要已发送</translation>
    </message>
    <message>
        <source>cannot read the workers of account &quot;%1&quot;</source>
        <translation>无法读取账户 &quot;%1&quot; 的矿机</translation>
    </message>
</context>
<context>
    <name>TelegramResult</name>
    <message>
        <source> (Telegram said: &quot;%1&quot;)</source>
        <translation>（Telegram 返回：“%1”）</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Unauthorized: the bot token is wrong or was revoked; copy it again from @BotFather</source>
        <translation>未授权：机器人令牌错误或已被吊销；请从 @BotFather 重新复制</translation>
    </message>
    <message>
        <source>The bot is not allowed to post in this chat: add it to the channel or group as an administrator that can post messages</source>
        <translation>机器人无权在此聊天中发消息：请将其添加为频道或群组中可发布消息的管理员</translation>
    </message>
    <message>
        <source>Chat not found: check the chat id (a channel is @name or -100…) and that the bot was added to it</source>
        <translation>找不到聊天：请检查聊天 ID（频道为 @名称 或 -100…），并确认机器人已加入</translation>
    </message>
    <message>
        <source>Telegram asked to slow down for %1 s</source>
        <translation>Telegram 要求放慢 %1 秒</translation>
    </message>
    <message>
        <source>The group became a supergroup; its new chat id is %1</source>
        <translation>该群组已升级为超级群组；新的聊天 ID 为 %1</translation>
    </message>
    <message>
        <source>Telegram&apos;s answer exceeded 1 MiB</source>
        <translation>Telegram 的回复超过了 1 MiB</translation>
    </message>
    <message>
        <source>Telegram could not be reached</source>
        <translation>无法连接 Telegram</translation>
    </message>
    <message>
        <source>Telegram refused the request: the message was not found</source>
        <translation>Telegram 拒绝了请求：找不到该消息</translation>
    </message>
    <message>
        <source>Telegram refused the request: the message cannot be deleted</source>
        <translation>Telegram 拒绝了请求：该消息无法删除</translation>
    </message>
    <message>
        <source>Telegram refused the request: the message cannot be edited</source>
        <translation>Telegram 拒绝了请求：该消息无法编辑</translation>
    </message>
    <message>
        <source>Telegram refused the request: the message is too long</source>
        <translation>Telegram 拒绝了请求：消息过长</translation>
    </message>
    <message>
        <source>Telegram refused the request: bad HTML</source>
        <translation>Telegram 拒绝了请求：HTML 格式错误</translation>
    </message>
    <message>
        <source>Telegram refused the request</source>
        <translation>Telegram 拒绝了请求</translation>
    </message>
</context>
<context>
    <name>TelegramSelfTest</name>
    <message>
        <source>Chat not found: &quot;%1&quot; does not exist or the bot was never added to it (a channel is @name or -100…)</source>
        <translation>找不到聊天：“%1”不存在，或机器人从未加入（频道为 @名称 或 -100…）</translation>
    </message>
    <message>
        <source>The bot is not a member of &quot;%1&quot; or may not post there: add it as an administrator that can post messages</source>
        <translation>机器人不是“%1”的成员或无权在其中发消息：请将其添加为可发布消息的管理员</translation>
    </message>
    <message>
        <source>The group became a supergroup: set chat = %1</source>
        <translation>该群组已升级为超级群组：请设置 chat = %1</translation>
    </message>
    <message>
        <source>Could not post the test message: %1</source>
        <translation>无法发送测试消息：%1</translation>
    </message>
    <message>
        <source>Telegram could not be reached: %1</source>
        <translation>无法连接 Telegram：%1</translation>
    </message>
    <message>
        <source>%1 posted a test message in %2 and deleted it</source>
        <translation>%1 已在 %2 发送一条测试消息并将其删除</translation>
    </message>
    <message>
        <source>%1 can post in %2 but may not delete messages, so alerts cannot be taken back: give it the &quot;Delete messages&quot; right or set retract = edit. The test message is still in the chat</source>
        <translation>%1 可以在 %2 发消息，但无权删除消息，因此告警无法撤回：请授予其“删除消息”权限，或设置 retract = edit。测试消息仍留在聊天中</translation>
    </message>
    <message>
        <source>%1 posted a test message in %2 but deleting it failed: %3</source>
        <translation>%1 已在 %2 发送一条测试消息，但删除失败：%3</translation>
    </message>
</context>
<context>
    <name>rw::Engine</name>
    <message>
        <source>%1 went offline (last share %2)</source>
        <translation>%1 已离线（最后提交份额 %2）</translation>
    </message>
    <message>
        <source>%1 is back after %2</source>
        <translation>%1 已恢复，离线 %2</translation>
    </message>
    <message>
        <source>%1 is missing from the pool&apos;s list (last share %2)</source>
        <translation>%1 已从矿池列表中消失（最后提交份额 %2）</translation>
    </message>
    <message>
        <source>%1 retired: no share for %2</source>
        <translation>%1 已退役：%2 未提交份额</translation>
    </message>
    <message>
        <source>hashrate below the floor: %1</source>
        <translation>算力低于下限：%1</translation>
    </message>
    <message>
        <source>hashrate back above the floor after %1</source>
        <translation>算力已回到下限以上，偏低持续了 %1</translation>
    </message>
    <message>
        <source>pool unreachable: %1</source>
        <translation>矿池无法访问：%1</translation>
    </message>
    <message>
        <source>pool answering again after %1</source>
        <translation>矿池已恢复响应，中断了 %1</translation>
    </message>
    <message>
        <source>%1 is degraded: %2 for %3</source>
        <translation>%1 算力下降：%2，已持续 %3</translation>
    </message>
    <message>
        <source>%1 is no longer degraded after %2 (%3)</source>
        <translation>%1 算力下降已结束，持续了 %2（%3）</translation>
    </message>
    <message>
        <source>%1 is flapping: %2 state changes; its changes are no longer posted</source>
        <translation>%1 状态频繁变化：%2 次；其后续变化不再推送</translation>
    </message>
    <message>
        <source>%1 has stopped flapping</source>
        <translation>%1 状态已稳定</translation>
    </message>
</context>
<context>
    <name>rw::MessageFormatter</name>
    <message>
        <source>under 1 min</source>
        <translation>不到 1 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 of %2 workers offline</source>
        <translation>%2 台矿机中有 %1 台离线</translation>
    </message>
    <message>
        <source>%1 missing, no share for %2</source>
        <translation>%1 失联，已 %2 无份额</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 失联</translation>
    </message>
    <message>
        <source>%1 offline for %2</source>
        <translation>%1 已离线 %2</translation>
    </message>
    <message>
        <source>Hashrate %1, below the floor of %2</source>
        <translation>算力 %1，低于下限 %2</translation>
    </message>
    <message>
        <source>Hashrate %1</source>
        <translation>算力 %1</translation>
    </message>
    <message>
        <source>Pool unreachable for %1: %2</source>
        <translation>矿池已 %1 无法访问：%2</translation>
    </message>
    <message>
        <source>Pool unreachable: %1</source>
        <translation>矿池无法访问：%1</translation>
    </message>
    <message>
        <source>As of %1 UTC</source>
        <translation>截至 %1 UTC</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>另有 %1 台</translation>
    </message>
    <message>
        <source>%1: resolved at %2 UTC</source>
        <translation>%1：已于 %2 UTC 恢复</translation>
    </message>
    <message>
        <source>%1: resolved at %2 UTC after %3</source>
        <translation>%1：已于 %2 UTC 恢复，持续 %3</translation>
    </message>
    <message>
        <source>%1: replaced by a newer message at %2 UTC</source>
        <translation>%1：已于 %2 UTC 被新消息取代</translation>
    </message>
    <message>
        <source>RigWatch test message (%1 UTC): alerts will arrive in this chat. It is deleted right away.</source>
        <translation>RigWatch 测试消息（%1 UTC）：告警将发送到此聊天。本消息将立即删除。</translation>
    </message>
    <message>
        <source>/%1 is not available in this version of RigWatch.</source>
        <translation>此版本的 RigWatch 尚不支持 /%1。</translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation>静音 1 小时</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Unknown command /%1.</source>
        <translation>未知命令 /%1。</translation>
    </message>
    <message>
        <source>/%1 changes what RigWatch does: a channel post has no sender, so send it from a private chat with the bot (admins only).</source>
        <translation>/%1 会改变 RigWatch 的行为：频道消息没有发送者，请在与机器人的私聊中发送（仅限管理员）。</translation>
    </message>
    <message>
        <source>Not allowed: only the admins listed in [telegram] admins may use /%1.</source>
        <translation>无权操作：只有 [telegram] admins 中列出的管理员可以使用 /%1。</translation>
    </message>
    <message>
        <source>Alerts paused by %1 until resumed</source>
        <translation>告警已被 %1 暂停，直到恢复</translation>
    </message>
    <message>
        <source>Alerts muted by %1 until %2</source>
        <translation>告警已被 %1 静音，直到 %2</translation>
    </message>
    <message>
        <source>%1 of %2 workers online</source>
        <translation>%2 台矿机中 %1 台在线</translation>
    </message>
    <message>
        <source>(floor %1)</source>
        <translation>（下限 %1）</translation>
    </message>
    <message>
        <source>(not polled yet)</source>
        <translation>（尚未轮询）</translation>
    </message>
    <message>
        <source>pool not answering for %1: %2</source>
        <translation>矿池已 %1 无响应：%2</translation>
    </message>
    <message>
        <source>hashrate below the floor</source>
        <translation>算力低于下限</translation>
    </message>
    <message>
        <source>%1 missing for %2</source>
        <translation>%1 缺失已 %2</translation>
    </message>
    <message>
        <source>No account is watched.</source>
        <translation>没有监控任何账户。</translation>
    </message>
    <message>
        <source>RigWatch status at %1</source>
        <translation>RigWatch 状态（%1）</translation>
    </message>
    <message>
        <source>No worker is offline or missing.</source>
        <translation>没有离线或缺失的矿机。</translation>
    </message>
    <message>
        <source>%1 workers offline or missing</source>
        <translation>%1 台矿机离线或缺失</translation>
    </message>
    <message>
        <source>RigWatch answers:</source>
        <translation>RigWatch 支持的命令：</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration: write 30m, 2h or 1d (at most 30 d).</source>
        <translation>&quot;%1&quot; 不是时长：请写 30m、2h 或 1d（最长 30 天）。</translation>
    </message>
    <message>
        <source>There is no group &quot;%1&quot;: this version mutes the whole chat (/mute 2h).</source>
        <translation>没有名为 &quot;%1&quot; 的分组：此版本只能静音整个群聊（/mute 2h）。</translation>
    </message>
    <message>
        <source>Live messages are still updated; /unmute ends it.</source>
        <translation>现有告警消息仍会更新；发送 /unmute 可结束静音。</translation>
    </message>
    <message>
        <source>Alerts were not muted.</source>
        <translation>告警并未处于静音状态。</translation>
    </message>
    <message>
        <source>Alerts are on again (unmuted by %1).</source>
        <translation>告警已恢复（由 %1 取消静音）。</translation>
    </message>
    <message>
        <source>The mute set by %1 has ended; alerts are on again.</source>
        <translation>%1 设置的静音已结束，告警已恢复。</translation>
    </message>
    <message>
        <source>Not allowed: admins only.</source>
        <translation>无权操作：仅限管理员。</translation>
    </message>
    <message>
        <source>Alerts muted until %1</source>
        <translation>告警已静音，直到 %1</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>This alert is over.</source>
        <translation>此告警已结束。</translation>
    </message>
    <message>
        <source>Unknown button.</source>
        <translation>未知按钮。</translation>
    </message>
    <message>
        <source>acknowledged by %1 at %2 UTC</source>
        <translation>已由 %1 于 UTC %2 确认</translation>
    </message>
    <message>
        <source>the desktop app</source>
        <translation>桌面程序</translation>
    </message>
    <message>
        <source>%1 — %2 % of usual (%3 of %4) for %5</source>
        <translation>%1 — 常规算力的 %2 %（%3 / %4），已持续 %5</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>算力下降</translation>
    </message>
    <message>
        <source>%1 — %2 state changes, online now</source>
        <translation>%1 — 状态变化 %2 次，当前在线</translation>
    </message>
    <message>
        <source>%1 — %2 state changes, down now</source>
        <translation>%1 — 状态变化 %2 次，当前离线</translation>
    </message>
    <message>
        <source>Flapping</source>
        <translation>状态频繁变化</translation>
    </message>
    <message>
        <source>Usage: /rebase NAME — accepts the worker&apos;s current hashrate as its usual.</source>
        <translation>用法：/rebase 矿机名 — 将该矿机当前算力设为其常规算力。</translation>
    </message>
    <message>
        <source>%1 (%2): %3 is now its usual hashrate.</source>
        <translation>%1（%2）：%3 现已设为其常规算力。</translation>
    </message>
    <message>
        <source>%1 has no current hashrate to accept.</source>
        <translation>%1 当前没有可采用的算力。</translation>
    </message>
    <message>
        <source>No worker named %1.</source>
        <translation>没有名为 %1 的矿机。</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1: hashrate %2, below its floor of %3</source>
        <translation>%1：算力 %2，低于其下限 %3</translation>
    </message>
    <message>
        <source>No workers are routed to this chat.</source>
        <translation>没有矿机的告警发往此聊天。</translation>
    </message>
    <message>
        <source>Daily digest</source>
        <translation>每日摘要</translation>
    </message>
    <message>
        <source>%1 to %2 UTC</source>
        <translation>%1 至 %2 UTC</translation>
    </message>
    <message>
        <source>Availability %1 %</source>
        <translation>可用率 %1 %</translation>
    </message>
    <message>
        <source>%1 workers</source>
        <translation>%1 台矿机</translation>
    </message>
    <message>
        <source>Outages: %1, downtime %2</source>
        <translation>故障：%1 次，停机 %2</translation>
    </message>
    <message>
        <source>Most downtime:</source>
        <translation>停机最久：</translation>
    </message>
    <message>
        <source>Degraded: %1</source>
        <translation>算力下降：%1</translation>
    </message>
    <message>
        <source>Average hashrate %1</source>
        <translation>平均算力 %1</translation>
    </message>
    <message>
        <source>Average hashrate unknown</source>
        <translation>平均算力未知</translation>
    </message>
    <message>
        <source>floor %1</source>
        <translation>下限 %1</translation>
    </message>
    <message>
        <source>usual %1</source>
        <translation>常规 %1</translation>
    </message>
    <message>
        <source>Right now all is well.</source>
        <translation>当前一切正常。</translation>
    </message>
    <message>
        <source>Right now: %1 down</source>
        <translation>当前：%1 台离线</translation>
    </message>
    <message>
        <source>%1 degraded</source>
        <translation>%1 台算力下降</translation>
    </message>
    <message>
        <source>below the floor</source>
        <translation>低于下限</translation>
    </message>
    <message>
        <source>pool unreachable</source>
        <translation>矿池无法访问</translation>
    </message>
</context>
<context>
    <name>rw::MetricsServer</name>
    <message>
        <source>/metrics cannot accept a connection (%1); it tries again every second</source>
        <translation>/metrics 无法接受连接（%1）；每秒重试一次</translation>
    </message>
</context>
<context>
    <name>rw::Poller</name>
    <message>
        <source>%1 began to answer but did not finish within %2 s (%3 bytes received)</source>
        <translation>%1 已开始回复，但未在 %2 秒内完成（已收到 %3 字节）</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation>%1 在 %2 秒内未响应</translation>
    </message>
    <message>
        <source>the pool&apos;s reply is too large (%1 bytes, the limit is %2)</source>
        <translation>矿池响应过大（%1 字节，上限为 %2）</translation>
    </message>
    <message>
        <source>the pool&apos;s reply is larger than the limit of %1 bytes</source>
        <translation>矿池响应超过 %1 字节的上限</translation>
    </message>
    <message>
        <source>%1 refused the connection</source>
        <translation>%1 拒绝连接</translation>
    </message>
    <message>
        <source>%1&apos;s host %2 was not found</source>
        <translation>找不到 %1 的主机 %2</translation>
    </message>
    <message>
        <source>%1 closed the connection before the reply was complete</source>
        <translation>%1 在响应完成前关闭了连接</translation>
    </message>
    <message>
        <source>%1 closed the connection without answering</source>
        <translation>%1 未响应就关闭了连接</translation>
    </message>
    <message>
        <source>network error talking to %1: %2</source>
        <translation>与 %1 通信时网络出错：%2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 返回 HTTP %2</translation>
    </message>
    <message>
        <source> (is the API token right?)</source>
        <translation>（API 令牌是否正确？）</translation>
    </message>
    <message>
        <source>%1 sent a reply RigWatch cannot read: %2</source>
        <translation>%1 返回了 RigWatch 无法解析的响应：%2</translation>
    </message>
    <message>
        <source> (page %1)</source>
        <translation>（第 %1 页）</translation>
    </message>
    <message>
        <source>%1 asks RigWatch to slow down (HTTP %2): no request for %3 s</source>
        <translation>%1 要求 RigWatch 降低请求频率（HTTP %2）：%3 秒内不再请求</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 (%3)</source>
        <translation>%1 返回 HTTP %2（%3）</translation>
    </message>
    <message>
        <source>%1&apos;s paging goes back from page %2 to %3</source>
        <translation>%1 的分页从第 %2 页退回到第 %3 页</translation>
    </message>
    <message>
        <source>%1 still says there is more after %2 pages</source>
        <translation>%1 在 %2 页之后仍表示还有更多</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s through the proxy at %3</source>
        <translation>%1 通过位于 %3 的代理在 %2 秒内没有响应</translation>
    </message>
</context>
<context>
    <name>rw::Runtime</name>
    <message>
        <source>the database %1 is in use by another RigWatch (%2, process %3 on %4): stop it, or give this one a database of its own ([storage] database)</source>
        <translation>数据库 %1 正被另一个 RigWatch 使用（%2，进程 %3，位于 %4）：请停止它，或为本实例另设数据库（[storage] database）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>cannot create the lock file %1: check that its folder is writable</source>
        <translation>无法创建锁文件 %1：请检查其所在文件夹是否可写</translation>
    </message>
    <message>
        <source>the database %1 is damaged and cannot be moved aside: move or delete it by hand</source>
        <translation>数据库 %1 已损坏且无法移开：请手动移动或删除它</translation>
    </message>
    <message>
        <source>the database %1 was damaged: it was moved to %2 and a new one started (the history before now is in the old file)</source>
        <translation>数据库 %1 已损坏：已将其移至 %2 并新建了数据库（此前的历史记录保存在旧文件中）</translation>
    </message>
</context>
<context>
    <name>rw::TelegramNotifier</name>
    <message>
        <source>cannot record the Telegram message in the database: %1</source>
        <translation>无法将 Telegram 消息记录到数据库：%1</translation>
    </message>
    <message>
        <source>RigWatch stopped before Telegram confirmed this message; if it was posted, delete it by hand</source>
        <translation>RigWatch 在 Telegram 确认此消息之前已停止；如果消息已发出，请手动删除</translation>
    </message>
    <message>
        <source>not sent: the incident ended before Telegram could be reached</source>
        <translation>未发送：在连上 Telegram 之前事件已结束</translation>
    </message>
    <message>
        <source>%1; retrying</source>
        <translation>%1；正在重试</translation>
    </message>
    <message>
        <source>Telegram asked to wait %1 s before the next call to chat %2; RigWatch waits at most %3 s, until %4 UTC, and then tries again</source>
        <translation>Telegram 要求在向聊天 %2 发起下一次请求前等待 %1 秒；RigWatch 最多等待 %3 秒，即到 %4 UTC，然后重试</translation>
    </message>
    <message>
        <source>%1: %2; the alert is sent again as shorter plain text without formatting</source>
        <translation>%1：%2；告警将改为不带格式的较短纯文本重新发送</translation>
    </message>
    <message>
        <source>%1: %2, also as plain text; the alert is tried again after the next poll</source>
        <translation>%1：%2（纯文本也被拒绝）；告警将在下次轮询后重试</translation>
    </message>
    <message>
        <source>not sent: the incident ended before the plain-text version could be sent</source>
        <translation>未发送：在纯文本版本发出之前事件已结束</translation>
    </message>
    <message>
        <source>Telegram answered without a message id: the message may be in the chat; delete it by hand if it is</source>
        <translation>Telegram 的回复中没有消息 ID：该消息可能已在聊天中；如果在，请手动删除</translation>
    </message>
    <message>
        <source>Telegram asked to wait until %1 UTC; it is sent again then</source>
        <translation>Telegram 要求等待到 %1 UTC；届时将重新发送</translation>
    </message>
    <message>
        <source>may have been posted (%1); delete it by hand if it is in the channel</source>
        <translation>可能已发出（%1）；如果它在频道中，请手动删除</translation>
    </message>
    <message>
        <source>%1: an alert may have been posted without RigWatch knowing it (%2); delete it by hand if it is in the channel</source>
        <translation>%1：一条告警可能已发出，但 RigWatch 无法得知（%2）；如果它在频道中，请手动删除</translation>
    </message>
    <message>
        <source>not sent: the incident ended before Telegram could be reached (%1)</source>
        <translation>未发送：在连上 Telegram 之前事件已结束（%1）</translation>
    </message>
    <message>
        <source>edited to resolved</source>
        <translation>已编辑为“已恢复”</translation>
    </message>
    <message>
        <source>replaced by a newer message; edited</source>
        <translation>已被更新的消息取代；已编辑</translation>
    </message>
    <message>
        <source>no longer in the chat (deleted by someone)</source>
        <translation>已不在聊天中（被他人删除）</translation>
    </message>
    <message>
        <source>left in the chat: %1</source>
        <translation>仍留在聊天中：%1</translation>
    </message>
    <message>
        <source>%1: a message could not be edited and was %2</source>
        <translation>%1：一条消息无法编辑，%2</translation>
    </message>
    <message>
        <source>%1: edit refused: %2</source>
        <translation>%1：编辑被拒绝：%2</translation>
    </message>
    <message>
        <source>%1: a resolved message could not be taken back: %2</source>
        <translation>%1：一条已恢复的消息无法撤回：%2</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>already gone from the chat</source>
        <translation>已不在聊天中</translation>
    </message>
    <message>
        <source>left in the old group, which became a supergroup</source>
        <translation>留在已升级为超级群组的旧群组中</translation>
    </message>
    <message>
        <source>%1: stopped while an alert was being posted; it may be in the chat without RigWatch knowing it - delete it by hand if it is</source>
        <translation>%1：在发送告警时停止；该告警可能已在聊天中而 RigWatch 无法得知——如果在，请手动删除</translation>
    </message>
</context>
<context>
    <name>rw::Units</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>rw::UpdateReader</name>
    <message>
        <source>Telegram commands wait: the database cannot record them (%1)</source>
        <translation>Telegram 命令暂停处理：数据库无法记录（%1）</translation>
    </message>
    <message>
        <source>another program reads this bot&apos;s updates (or a webhook is set), so commands are not answered; RigWatch tries again every %1 s and keeps posting alerts (Telegram said: &quot;%2&quot;)</source>
        <translation>另一个程序正在读取此机器人的更新（或已设置 webhook），因此不会响应命令；RigWatch 每 %1 秒重试一次，并继续发送告警（Telegram 返回：&quot;%2&quot;）</translation>
    </message>
    <message>
        <source>Telegram commands cannot be read: %1; trying again</source>
        <translation>无法读取 Telegram 命令：%1；正在重试</translation>
    </message>
</context>
</TS>

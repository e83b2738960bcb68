<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConfigText</name>
    <message>
        <source>%1; %2 is used instead</source>
        <translation>%1；改用 %2</translation>
    </message>
    <message>
        <source>%1 is empty: the account is left out</source>
        <translation>%1 为空：已忽略该账户</translation>
    </message>
    <message>
        <source>%1; the defaults %2 and %3 are used instead</source>
        <translation>%1；改用默认值 %2 和 %3</translation>
    </message>
    <message>
        <source>%1; Telegram stays off</source>
        <translation>%1；Telegram 保持关闭</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a Telegram user id; it is ignored</source>
        <translation>%1：&quot;%2&quot; 不是 Telegram 用户 ID，已忽略</translation>
    </message>
    <message>
        <source>%1: a proxy with a password is not kept in the settings; no proxy is used</source>
        <translation>%1：带密码的代理不会保存在设置中；不使用代理</translation>
    </message>
    <message>
        <source>no proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <source>%1; the group is left out</source>
        <translation>%1；该分组被忽略</translation>
    </message>
    <message>
        <source>%1: the group &quot;%2&quot; is listed twice; the second is left out</source>
        <translation>%1：分组“%2”出现了两次；第二个被忽略</translation>
    </message>
    <message>
        <source>no quiet hours</source>
        <translation>不设静默时段</translation>
    </message>
    <message>
        <source>the system&apos;s time zone</source>
        <translation>系统时区</translation>
    </message>
    <message>
        <source>no digest</source>
        <translation>不发送每日摘要</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>RigWatch settings</source>
        <translation>RigWatch 设置</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>矿池</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Watch another pool account</source>
        <translation>监控另一个矿池账户</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Stop watching this account</source>
        <translation>停止监控此账户</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>矿池接口(&amp;P)：</translation>
    </message>
    <message>
        <source>Pool &amp;URL:</source>
        <translation>矿池地址(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>币种(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>账户名(&amp;A)：</translation>
    </message>
    <message>
        <source>e.g. myfarm01</source>
        <translation>例如 myfarm01</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API 令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>Poll &amp;every:</source>
        <translation>轮询间隔(&amp;E)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Request t&amp;imeout:</source>
        <translation>请求超时(&amp;I)：</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>测试连接(&amp;N)</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Offline &amp;after:</source>
        <translation>离线判定时间(&amp;A)：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Retired after:</source>
        <translation>退役判定时间(&amp;R)：</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Hashrate &amp;floor:</source>
        <translation>算力下限(&amp;F)：</translation>
    </message>
    <message>
        <source>Red &amp;when offline:</source>
        <translation>离线比例标红阈值(&amp;W)：</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>A worker is offline when it has sent no share for this long; it is retired (shown, never alerted) after the longer time. Set the floor to 0 to switch the hashrate alert off.</source>
        <translation>矿机超过此时长未提交份额即判定为离线；超过更长的时长则判定为已退役（仍显示，但不再告警）。算力下限设为 0 即关闭算力告警。</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Bot &amp;token:</source>
        <translation>机器人令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>123456789:AA…</source>
        <translation>123456789:AA…</translation>
    </message>
    <message>
        <source>C&amp;hat:</source>
        <translation>频道/群组(&amp;H)：</translation>
    </message>
    <message>
        <source>-1001234567890 or @channelname</source>
        <translation>-1001234567890 或 @channelname</translation>
    </message>
    <message>
        <source>When &amp;resolved:</source>
        <translation>恢复后(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Send test message</source>
        <translation>发送测试消息(&amp;S)</translation>
    </message>
    <message>
        <source>Leave both fields empty to keep alerts on this desktop only. The bot must be an administrator of the channel to delete its own messages.</source>
        <translation>两项都留空，则告警只在本机桌面显示。机器人须是频道管理员，才能删除自己发出的消息。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Start RigWatch when I log in</source>
        <translation>登录时启动 RigWatch</translation>
    </message>
</context>
<context>
    <name>rigwatch</name>
    <message>
        <source>RigWatch: watches the workers of a farm&apos;s pool accounts from the system tray.</source>
        <translation>RigWatch：在系统托盘中监控矿场各矿池账户的矿机。</translation>
    </message>
    <message>
        <source>Watch a simulated farm started in-process (also what happens when nothing is configured).</source>
        <translation>监控在进程内启动的模拟矿场（未配置任何账户时也是如此）。</translation>
    </message>
    <message>
        <source>Start in the tray without opening the window.</source>
        <translation>启动后只显示托盘图标，不打开窗口。</translation>
    </message>
    <message>
        <source>Do not hand over to a running RigWatch.</source>
        <translation>不交给已在运行的 RigWatch。</translation>
    </message>
</context>
<context>
    <name>rw</name>
    <message>
        <source>An account has no name: enter the f2pool account name or remove the account.</source>
        <translation>有一个账户没有名称：请填写 f2pool 账户名，或移除该账户。</translation>
    </message>
    <message>
        <source>Account name &quot;%1&quot;: use 2–15 lowercase letters or digits, starting with a letter.</source>
        <translation>账户名“%1”：请使用 2–15 位小写字母或数字，且以字母开头。</translation>
    </message>
    <message>
        <source>Currency of %1: use the pool&apos;s slug, such as bitcoin or litecoin.</source>
        <translation>%1 的币种：请填写矿池使用的币种标识，例如 bitcoin 或 litecoin。</translation>
    </message>
    <message>
        <source>API token of %1: the f2pool API v2 needs one (create it in the f2pool account settings).</source>
        <translation>%1 的 API 令牌：f2pool API v2 必须填写（可在 f2pool 账户设置中创建）。</translation>
    </message>
    <message>
        <source>The account %1 (%2) is listed twice.</source>
        <translation>账户 %1（%2）重复添加了。</translation>
    </message>
    <message>
        <source>Poll interval: at least 30 s, so the pool does not throttle the token.</source>
        <translation>轮询间隔：至少 30 秒，以免矿池对该令牌限流。</translation>
    </message>
    <message>
        <source>Request timeout: between 2 s and less than the poll interval (%1 s).</source>
        <translation>请求超时：至少 2 秒，且须小于轮询间隔（%1 秒）。</translation>
    </message>
    <message>
        <source>Offline after: at least 1 minute.</source>
        <translation>离线判定时间：至少 1 分钟。</translation>
    </message>
    <message>
        <source>Offline after: at least one poll interval (%1 s), or every late poll would look like an outage.</source>
        <translation>离线判定时间：至少为一个轮询间隔（%1 秒），否则每次轮询稍有延迟都会被当成掉线。</translation>
    </message>
    <message>
        <source>Retired after: must be longer than offline after.</source>
        <translation>退役判定时间：必须长于离线判定时间。</translation>
    </message>
    <message>
        <source>Hashrate floor: cannot be negative (0 switches it off).</source>
        <translation>算力下限：不能为负数（设为 0 即关闭）。</translation>
    </message>
    <message>
        <source>Red when offline: a share between 0 and 100 %.</source>
        <translation>离线比例标红阈值：须在 0 到 100 % 之间。</translation>
    </message>
    <message>
        <source>Telegram: a chat is set but no bot token. Enter both, or clear both to turn Telegram off.</source>
        <translation>Telegram：已填写频道/群组，但没有机器人令牌。请两项都填写，或都清空以关闭 Telegram。</translation>
    </message>
    <message>
        <source>Telegram: a bot token is set but no chat. Enter both, or clear both to turn Telegram off.</source>
        <translation>Telegram：已填写机器人令牌，但没有频道/群组。请两项都填写，或都清空以关闭 Telegram。</translation>
    </message>
    <message>
        <source>Telegram bot token: it looks like 123456789:AA… as BotFather gave it.</source>
        <translation>Telegram 机器人令牌：应为 BotFather 给出的 123456789:AA… 格式。</translation>
    </message>
    <message>
        <source>Telegram chat: a numeric id (channels start with -100) or @channelname.</source>
        <translation>Telegram 频道/群组：请填写数字 ID（频道以 -100 开头）或 @channelname。</translation>
    </message>
    <message>
        <source>Language: English or Simplified Chinese.</source>
        <translation>语言：英语或简体中文。</translation>
    </message>
    <message>
        <source>An account on %1 has no name: enter its account, subaccount or user id, or remove the account.</source>
        <translation>%1 上的一个账户没有名称：请输入其账户名、子账户或用户 ID，或删除该账户。</translation>
    </message>
    <message>
        <source>Pool URL of %1: enter an http or https address, such as %2.</source>
        <translation>%1 的矿池地址：请填写 http 或 https 地址，例如 %2。</translation>
    </message>
    <message>
        <source>API key of %1: %2 needs the API key and its secret.</source>
        <translation>%1 的 API 密钥：%2 需要 API 密钥及其私钥。</translation>
    </message>
    <message>
        <source>%1 of %2: %3 needs it to read the workers.</source>
        <translation>%2 的%1：%3 需要它来读取矿机。</translation>
    </message>
    <message>
        <source>API secret</source>
        <translation>API 私钥</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API 令牌</translation>
    </message>
    <message>
        <source>Proxy of %1: enter the proxy&apos;s host and port, such as 127.0.0.1:1080.</source>
        <translation>%1 的代理：请输入代理的主机和端口，例如 127.0.0.1:1080。</translation>
    </message>
    <message>
        <source>At most every: between 1 s and the poll interval (%1 s).</source>
        <translation>最短轮询间隔：须介于 1 秒和轮询间隔（%1 秒）之间。</translation>
    </message>
    <message>
        <source>Degraded below: a share of the usual hashrate between 0 and 100 % (0 switches it off).</source>
        <translation>算力下降阈值：常态算力的 0 到 100 %（0 表示关闭）。</translation>
    </message>
    <message>
        <source>Degraded after: cannot be negative (0 counts a worker at once).</source>
        <translation>算力下降判定时间：不能为负数（0 表示立即判定）。</translation>
    </message>
    <message>
        <source>Flapping after: between 0 and %1 changes (0 switches it off).</source>
        <translation>频繁上下线判定：0 到 %1 次变化（0 表示关闭）。</translation>
    </message>
    <message>
        <source>Flapping window: between 1 minute and 30 days.</source>
        <translation>频繁上下线时间窗口：1 分钟到 30 天之间。</translation>
    </message>
    <message>
        <source>Answer commands: enter the bot token and the chat first.</source>
        <translation>响应命令：请先填写机器人令牌和聊天。</translation>
    </message>
    <message>
        <source>Telegram admins: &quot;%1&quot; is not a Telegram user id (a number, such as 123456789).</source>
        <translation>Telegram 管理员：“%1”不是 Telegram 用户 ID（应为数字，例如 123456789）。</translation>
    </message>
    <message>
        <source>Telegram proxy: enter the proxy&apos;s host and port, such as 127.0.0.1:1080.</source>
        <translation>Telegram 代理：请输入代理的主机和端口，例如 127.0.0.1:1080。</translation>
    </message>
    <message>
        <source>Critical when offline: a share between 0 and 100 % (0: never critical).</source>
        <translation>离线即严重：0 到 100 % 之间的比例（0：从不视为严重）。</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>分组 %1</translation>
    </message>
    <message>
        <source>%1 has no name: letters, digits, &apos;-&apos; and &apos;_&apos;, such as site-a.</source>
        <translation>%1 没有名称：请使用字母、数字、“-”和“_”，例如 site-a。</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; is listed twice: names must differ.</source>
        <translation>分组“%1”出现了两次：名称必须各不相同。</translation>
    </message>
    <message>
        <source>Group &quot;%1&quot;: give worker names or hosts to match (globs such as rig-a* or 203.0.113.*), or remove the group.</source>
        <translation>分组“%1”：请填写要匹配的矿机名称或主机（通配符，例如 rig-a* 或 203.0.113.*），或删除该分组。</translation>
    </message>
    <message>
        <source>Chat of group &quot;%1&quot;</source>
        <translation>分组“%1”的聊天</translation>
    </message>
    <message>
        <source>Hashrate floor of group &quot;%1&quot;: cannot be negative (0 switches it off).</source>
        <translation>分组“%1”的算力下限：不能为负数（0 表示关闭）。</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>静默时段</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Daily digest</source>
        <translation>每日摘要</translation>
    </message>
</context>
<context>
    <name>rw::AlertCoalescer</name>
    <message>
        <source>%1 … and %2 more</source>
        <translation>%1 …另有 %2 台</translation>
    </message>
    <message>
        <source>%1: hashrate below the floor.</source>
        <translation>%1：算力低于下限。</translation>
    </message>
    <message>
        <source>%1: hashrate back above the floor.</source>
        <translation>%1：算力已回到下限以上。</translation>
    </message>
    <message>
        <source>%1: the pool is not answering (%2).</source>
        <translation>%1：矿池无响应（%2）。</translation>
    </message>
    <message>
        <source>%1: the pool answers again after %2.</source>
        <translation>%1：矿池已恢复响应，中断了 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) went offline, %1 came back</source>
        <translation>
            <numerusform>%n 台矿机离线，%1 台恢复</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 went offline</source>
        <translation>%1 已离线</translation>
    </message>
    <message numerus="yes">
        <source>%n workers went offline</source>
        <translation>
            <numerusform>%n 台矿机已离线</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is back online</source>
        <translation>%1 已恢复在线</translation>
    </message>
    <message numerus="yes">
        <source>%n workers are back online</source>
        <translation>
            <numerusform>%n 台矿机已恢复在线</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <source>Back: %1</source>
        <translation>恢复：%1</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>账户：%1</translation>
    </message>
    <message>
        <source>%1 keeps going offline and back (%2 changes)</source>
        <translation>%1 反复离线又恢复（%2 次变化）</translation>
    </message>
    <message>
        <source>%1 is degraded</source>
        <translation>%1 算力下降</translation>
    </message>
    <message numerus="yes">
        <source>%n workers are degraded</source>
        <translation>
            <numerusform>%n 台矿机算力下降</numerusform>
        </translation>
    </message>
    <message>
        <source>Degraded: %1</source>
        <translation>算力下降：%1</translation>
    </message>
</context>
<context>
    <name>rw::AppController</name>
    <message>
        <source>No system tray was found on this desktop: RigWatch runs as a normal window, and closing it quits.</source>
        <translation>此桌面没有系统托盘：RigWatch 将以普通窗口运行，关闭窗口即退出。</translation>
    </message>
    <message>
        <source>The engine could not start: %1</source>
        <translation>监控引擎无法启动：%1</translation>
    </message>
    <message>
        <source>The history database reported a problem: %1</source>
        <translation>历史数据库出错：%1</translation>
    </message>
    <message>
        <source>Telegram: %1</source>
        <translation>Telegram：%1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Alerts resumed</source>
        <translation>已恢复告警</translation>
    </message>
    <message>
        <source>%1 of %2 workers online. %3</source>
        <translation>%2 台矿机中 %1 台在线。%3</translation>
    </message>
    <message>
        <source>The translation for %1 is missing from this build; RigWatch stays in English.</source>
        <translation>此版本缺少 %1 的翻译，RigWatch 将继续使用英文。</translation>
    </message>
    <message>
        <source>The system tray is available now: closing the window keeps RigWatch running there.</source>
        <translation>系统托盘现已可用：关闭窗口后 RigWatch 将在托盘中继续运行。</translation>
    </message>
</context>
<context>
    <name>rw::Autostart</name>
    <message>
        <source>Windows did not let RigWatch change its start-up entry.</source>
        <translation>Windows 不允许 RigWatch 修改其开机启动项。</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>rw::ChartPanel</name>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>Total hashrate</source>
        <translation>总算力</translation>
    </message>
    <message>
        <source>Online workers</source>
        <translation>在线矿机</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>算力下限</translation>
    </message>
    <message>
        <source>Workers online</source>
        <translation>在线矿机数</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>矿机 %1</translation>
    </message>
    <message>
        <source>No data for this range yet: the chart fills in as polls come in.</source>
        <translation>此时间范围内暂无数据：图表会随着轮询逐步填充。</translation>
    </message>
    <message>
        <source>Farm hashrate</source>
        <translation>矿场总算力</translation>
    </message>
    <message>
        <source>Usual for the worker</source>
        <translation>该矿机的常规算力</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>全部矿机</translation>
    </message>
    <message>
        <source>Show the total hashrate of one group of workers</source>
        <translation>显示某一分组矿机的总算力</translation>
    </message>
    <message>
        <source>Hashrate of %1</source>
        <translation>%1 的算力</translation>
    </message>
</context>
<context>
    <name>rw::EngineHost</name>
    <message>
        <source>The engine is not running.</source>
        <translation>监控引擎未运行。</translation>
    </message>
</context>
<context>
    <name>rw::EngineWorker</name>
    <message>
        <source>The simulated farm could not start: %1</source>
        <translation>模拟矿场无法启动：%1</translation>
    </message>
    <message>
        <source>The Telegram group %1 became the supergroup %2: update the chat id in the settings.</source>
        <translation>Telegram 群组 %1 已升级为超级群组 %2：请在设置中更新频道/群组 ID。</translation>
    </message>
    <message numerus="yes">
        <source>Connected in %1 ms: found %n worker(s), %2 of them online.</source>
        <translation>
            <numerusform>连接成功，耗时 %1 毫秒：共找到 %n 台矿机，其中 %2 台在线。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Connected in %1 ms: the first page lists %n worker(s) of %2, %3 of them online.</source>
        <translation>
            <numerusform>连接成功，耗时 %1 毫秒：第一页列出共 %2 台中的 %n 台矿机，其中 %3 台在线。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rw::FarmSummary</name>
    <message>
        <source>Not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>Waiting for the first answer from the pool</source>
        <translation>正在等待矿池首次响应</translation>
    </message>
    <message>
        <source>All workers online</source>
        <translation>全部矿机在线</translation>
    </message>
    <message>
        <source>Some workers are offline</source>
        <translation>部分矿机离线</translation>
    </message>
    <message>
        <source>Hashrate below the floor or many workers offline</source>
        <translation>算力低于下限或大量矿机离线</translation>
    </message>
    <message>
        <source>The pool is not answering</source>
        <translation>矿池无响应</translation>
    </message>
    <message>
        <source>RigWatch</source>
        <translation>RigWatch</translation>
    </message>
    <message>
        <source>updated %1 ago</source>
        <translation>%1前更新</translation>
    </message>
    <message>
        <source>never updated</source>
        <translation>从未更新</translation>
    </message>
    <message>
        <source>%1/%2 online · %3 · %4</source>
        <translation>%1/%2 在线 · %3 · %4</translation>
    </message>
    <message>
        <source>Alerts paused until resumed</source>
        <translation>告警已暂停，需手动恢复</translation>
    </message>
    <message>
        <source>Alerts paused until %1</source>
        <translation>告警暂停至 %1</translation>
    </message>
    <message>
        <source>DEMO — simulated farm</source>
        <translation>演示 — 模拟矿场</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) degraded</source>
        <translation>
            <numerusform>%n 台矿机算力下降</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) flapping</source>
        <translation>
            <numerusform>%n 台矿机状态频繁变化</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rw::GroupsEditor</name>
    <message>
        <source>&amp;Add group</source>
        <translation>添加分组(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;-&apos; and &apos;_&apos;; /metrics and the report use it</source>
        <translation>字母、数字、“-”和“_”；/metrics 和报告使用此名称</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>显示名称(&amp;L)：</translation>
    </message>
    <message>
        <source>As shown, e.g. Site A (empty: the name)</source>
        <translation>显示的名称，例如 A 场地（留空：使用名称）</translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation>矿机(&amp;W)：</translation>
    </message>
    <message>
        <source>rig-a*, a1-??</source>
        <translation>rig-a*, a1-??</translation>
    </message>
    <message>
        <source>Comma-separated globs over worker names: * any run, ? one character, case ignored</source>
        <translation>以逗号分隔的矿机名称通配符：* 匹配任意字符串，? 匹配一个字符，不区分大小写</translation>
    </message>
    <message>
        <source>&amp;Hosts:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>203.0.113.*</source>
        <translation>203.0.113.*</translation>
    </message>
    <message>
        <source>Comma-separated globs over the host the pool reports (f2pool: the site&apos;s public IP)</source>
        <translation>以逗号分隔的矿池所报告主机的通配符（f2pool：场地的公网 IP）</translation>
    </message>
    <message>
        <source>&amp;Chat:</source>
        <translation>聊天(&amp;C)：</translation>
    </message>
    <message>
        <source>Empty: the Telegram page&apos;s chat</source>
        <translation>留空：使用 Telegram 页面中的聊天</translation>
    </message>
    <message>
        <source>Hashrate &amp;floor:</source>
        <translation>算力下限(&amp;F)：</translation>
    </message>
    <message>
        <source>e.g. 2P or 350T; empty or 0: off</source>
        <translation>例如 2P 或 350T；留空或 0：关闭</translation>
    </message>
    <message>
        <source>A worker belongs to the first group, from the top, whose workers or hosts match; the others stay in no group and use the Telegram page&apos;s chat. Groups apply to every account.</source>
        <translation>矿机归入从上往下第一个矿机名称或主机匹配的分组；其余矿机不属于任何分组，使用 Telegram 页面中的聊天。分组适用于所有账户。</translation>
    </message>
    <message>
        <source>Hashrate floor of group &quot;%1&quot;</source>
        <translation>分组“%1”的算力下限</translation>
    </message>
</context>
<context>
    <name>rw::MainWindow</name>
    <message>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>矿机</translation>
    </message>
    <message>
        <source>Outage history</source>
        <translation>离线记录</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>&amp;RigWatch</source>
        <translation>RigWatch(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>立即刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>%1 (%2/%3 online)</source>
        <translation>%1（%2/%3 在线）</translation>
    </message>
    <message>
        <source>DEMO — simulated farm</source>
        <translation>演示 — 模拟矿场</translation>
    </message>
    <message>
        <source>Dismiss these notices</source>
        <translation>关闭这些通知</translation>
    </message>
    <message>
        <source>All accounts (farm)</source>
        <translation>全部账户（矿场）</translation>
    </message>
    <message>
        <source>Farm (%1/%2 online)</source>
        <translation>矿场（%1/%2 在线）</translation>
    </message>
</context>
<context>
    <name>rw::MirrorPanel</name>
    <message>
        <source>Posted</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>编辑时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Text as sent</source>
        <translation>发送内容</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>What RigWatch posted to the Telegram chat, newest first. A live message stands for an ongoing incident; it is retracted when all is well again.</source>
        <translation>RigWatch 发到 Telegram 频道/群组的消息，最新的在前。“生效中”的消息对应一起尚未结束的故障；一切恢复正常后即撤回。</translation>
    </message>
    <message>
        <source>Telegram is not configured: add a bot token and a chat in the settings to mirror incidents to a channel.</source>
        <translation>未配置 Telegram：在设置中填写机器人令牌和频道/群组，即可把故障同步到频道。</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>live</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>retracted</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Telegram asked to wait until %1: alerts that come up meanwhile are posted then.</source>
        <translation>Telegram 要求等待到 %1：期间出现的警报将在那时发出。</translation>
    </message>
    <message>
        <source>Commands: %1</source>
        <translation>命令：%1</translation>
    </message>
</context>
<context>
    <name>rw::OutageModel</name>
    <message>
        <source>still offline</source>
        <translation>仍离线</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>矿机</translation>
    </message>
    <message>
        <source>Went offline</source>
        <translation>离线时间</translation>
    </message>
    <message>
        <source>Came back</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>离线时长</translation>
    </message>
    <message>
        <source>%1 (degraded, down to %2 % of usual)</source>
        <translation>%1（算力下降，最低为常规的 %2 %）</translation>
    </message>
    <message>
        <source>still degraded</source>
        <translation>仍在下降</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
</context>
<context>
    <name>rw::OutagePanel</name>
    <message>
        <source>Filter by worker</source>
        <translation>按矿机筛选</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>最近一年</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export outages</source>
        <translation>导出离线记录</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message numerus="yes">
        <source>%n outage(s), %1 still ongoing, %2 of downtime in total</source>
        <translation>
            <numerusform>共 %n 次离线，%1 次仍未恢复，累计离线 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %1 of %n outages (narrow the range or the worker filter to see the others; the export writes them all): </source>
        <translation>
            <numerusform>共 %n 次离线，仅显示最新的 %1 次（缩小时间范围或按矿机筛选以查看其余记录；导出会写出全部）：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rw::ProxyEditor</name>
    <message>
        <source>As the system says</source>
        <translation>跟随系统设置</translation>
    </message>
    <message>
        <source>The https_proxy, all_proxy and no_proxy environment variables, if set</source>
        <translation>环境变量 https_proxy、all_proxy 和 no_proxy（如已设置）</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <source>Host names are resolved at the proxy</source>
        <translation>主机名由代理解析</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>user (optional)</source>
        <translation>用户名（可选）</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>%1: enter the proxy&apos;s host and port, such as 127.0.0.1:1080.</source>
        <translation>%1：请输入代理的主机和端口，例如 127.0.0.1:1080。</translation>
    </message>
    <message>
        <source>%1: a password without a user name; enter both, or neither.</source>
        <translation>%1：填写了密码却没有用户名；请两者都填，或都不填。</translation>
    </message>
</context>
<context>
    <name>rw::SecretStore</name>
    <message>
        <source>stored in the system keychain</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>kept in memory for this session only (no system keychain)</source>
        <translation>仅在本次会话中保存在内存里（没有系统钥匙串）</translation>
    </message>
    <message>
        <source>The API token of %1 could not be read: %2</source>
        <translation>无法读取 %1 的 API 令牌：%2</translation>
    </message>
    <message>
        <source>The bot token could not be read: %1</source>
        <translation>无法读取机器人令牌：%1</translation>
    </message>
    <message>
        <source>kept in memory for this session only, because this desktop has no system keychain</source>
        <translation>仅在本次会话中保存在内存里，因为此桌面没有系统钥匙串</translation>
    </message>
    <message>
        <source>The API key of %1 could not be read: %2</source>
        <translation>无法读取 %1 的 API 密钥：%2</translation>
    </message>
    <message>
        <source>The proxy password of %1 could not be read: %2</source>
        <translation>无法读取 %1 的代理密码：%2</translation>
    </message>
    <message>
        <source>The Telegram proxy&apos;s password could not be read: %1</source>
        <translation>无法读取 Telegram 代理的密码：%1</translation>
    </message>
</context>
<context>
    <name>rw::SettingsDialog</name>
    <message>
        <source>Tokens are %1; they are never written to the settings file.</source>
        <translation>令牌%1，绝不会写入设置文件。</translation>
    </message>
    <message>
        <source>f2pool (API v2)</source>
        <translation>f2pool（API v2）</translation>
    </message>
    <message>
        <source>f2pool legacy (API v1)</source>
        <translation>f2pool 旧版（API v1）</translation>
    </message>
    <message>
        <source>Delete the message</source>
        <translation>删除消息</translation>
    </message>
    <message>
        <source>Edit it to &quot;resolved&quot;</source>
        <translation>改为“已恢复”</translation>
    </message>
    <message>
        <source>(new account)</source>
        <translation>（新账户）</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>正在请求 %1…</translation>
    </message>
    <message>
        <source>Enter a bot token and a chat first.</source>
        <translation>请先填写机器人令牌和频道/群组。</translation>
    </message>
    <message>
        <source>Posting a test message…</source>
        <translation>正在发送测试消息…</translation>
    </message>
    <message>
        <source>The tokens could not be stored in the keychain, so nothing was saved: %1</source>
        <translation>令牌无法保存到钥匙串，因此所有设置均未保存：%1</translation>
    </message>
    <message>
        <source>No account yet: press Add to watch your f2pool account. Until then RigWatch shows the simulated demo farm.</source>
        <translation>尚未添加账户：点击“添加”来监控你的 f2pool 账户。在此之前，RigWatch 显示的是模拟演示矿场。</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Braiins Pool</source>
        <translation>Braiins 矿池</translation>
    </message>
    <message>
        <source>Binance Pool</source>
        <translation>币安矿池</translation>
    </message>
    <message>
        <source>Luxor</source>
        <translation>Luxor</translation>
    </message>
    <message>
        <source>ViaBTC</source>
        <translation>ViaBTC</translation>
    </message>
    <message>
        <source>AntPool</source>
        <translation>AntPool（蚂蚁矿池）</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>账户名(&amp;A)：</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API 令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Label (optional):</source>
        <translation>标签（可选）(&amp;L)：</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>访问令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Subaccount:</source>
        <translation>子账户(&amp;S)：</translation>
    </message>
    <message>
        <source>API &amp;secret:</source>
        <translation>API 私钥(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>用户 ID(&amp;U)：</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>代理(&amp;X)：</translation>
    </message>
    <message>
        <source>How this account&apos;s pool API is reached</source>
        <translation>访问此账户矿池 API 的方式</translation>
    </message>
    <message>
        <source>At &amp;most every:</source>
        <translation>最短轮询间隔(&amp;M)：</translation>
    </message>
    <message>
        <source>The shortest gap between two polls, used when a worker is about to cross a threshold; never below what the pool allows, and never above the poll interval</source>
        <translation>两次轮询之间的最短间隔，在矿机即将越过阈值时使用；不低于矿池允许的间隔，也不高于轮询间隔</translation>
    </message>
    <message>
        <source>&amp;Degraded below:</source>
        <translation>算力下降阈值(&amp;D)：</translation>
    </message>
    <message>
        <source> % of usual</source>
        <translation> % 常态算力</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>A worker online below this share of its usual hashrate is degraded; 0 switches it off</source>
        <translation>在线矿机的算力低于其常态算力的这一比例即视为算力下降；0 表示关闭</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>How long a worker must stay below before it counts as degraded (0 = at once)</source>
        <translation>矿机需持续低于阈值多久才算算力下降（0 = 立即）</translation>
    </message>
    <message>
        <source>F&amp;lapping after:</source>
        <translation>频繁上下线判定(&amp;L)：</translation>
    </message>
    <message>
        <source> changes</source>
        <translation> 次变化</translation>
    </message>
    <message>
        <source>A worker whose state changes more often than this within the window is flapping: its changes no longer notify; 0 = off</source>
        <translation>在时间窗口内状态变化超过此次数的矿机视为频繁上下线：其变化不再通知；0 = 关闭</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>&amp;Answer commands and buttons (/status, /mute…)</source>
        <translation>响应命令和按钮（/status、/mute…）(&amp;A)</translation>
    </message>
    <message>
        <source>Only one program can read a bot&apos;s commands: leave this off when rigwatchd on a server answers for the same bot</source>
        <translation>一个机器人的命令只能由一个程序读取：如果服务器上的 rigwatchd 已为同一机器人响应命令，请保持关闭</translation>
    </message>
    <message>
        <source>A&amp;dmins:</source>
        <translation>管理员(&amp;D)：</translation>
    </message>
    <message>
        <source>Telegram user ids, e.g. 111, 222</source>
        <translation>Telegram 用户 ID，例如 111, 222</translation>
    </message>
    <message>
        <source>Who may mute, unmute and acknowledge; anyone in the chat may ask for /status. Empty: nobody may change anything</source>
        <translation>可以静音、取消静音和确认告警的人；聊天中任何人都可以查询 /status。留空：任何人都不能更改设置</translation>
    </message>
    <message>
        <source>How the Telegram Bot API is reached</source>
        <translation>访问 Telegram Bot API 的方式</translation>
    </message>
    <message>
        <source>Proxy of %1</source>
        <translation>%1 的代理</translation>
    </message>
    <message>
        <source>Telegram admins: &quot;%1&quot; is not a Telegram user id (a number, such as 123456789).</source>
        <translation>Telegram 管理员：“%1”不是 Telegram 用户 ID（应为数字，例如 123456789）。</translation>
    </message>
    <message>
        <source>Telegram proxy</source>
        <translation>Telegram 代理</translation>
    </message>
    <message>
        <source>Asking %1 through the proxy at %2…</source>
        <translation>正在通过位于 %2 的代理询问 %1…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Degraded af&amp;ter:</source>
        <translation>算力下降判定时间(&amp;T)：</translation>
    </message>
    <message>
        <source>Flapping wi&amp;ndow:</source>
        <translation>频繁上下线时间窗口(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Quiet hours:</source>
        <translation>静默时段(&amp;Q)：</translation>
    </message>
    <message>
        <source>Silent from</source>
        <translation>静默时间从</translation>
    </message>
    <message>
        <source>Inside this window alerts are posted without a sound, unless critical (a hashrate floor breached, or many workers offline)</source>
        <translation>在此时段内告警将静音发送，严重告警除外（算力低于下限，或大量矿机离线）</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>系统时区（%1）</translation>
    </message>
    <message>
        <source>For quiet hours and the daily digest: an IANA name such as Asia/Shanghai; empty: the system&apos;s</source>
        <translation>用于静默时段和每日摘要：IANA 名称，例如 Asia/Shanghai；留空：使用系统时区</translation>
    </message>
    <message>
        <source>Daily di&amp;gest:</source>
        <translation>每日摘要(&amp;G)：</translation>
    </message>
    <message>
        <source>Send a summary of the last 24 hours at</source>
        <translation>发送过去 24 小时的摘要，时间</translation>
    </message>
    <message>
        <source>Critical &amp;when offline:</source>
        <translation>离线即严重(&amp;W)：</translation>
    </message>
    <message>
        <source> % of a group</source>
        <translation> % 的分组矿机</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>When at least this share of a group&apos;s (or an account&apos;s) workers is offline, the alert is critical and sounds even in quiet hours; 0: never critical</source>
        <translation>当某分组（或账户）至少有此比例的矿机离线时，告警为严重，即使在静默时段也会响铃；0：从不视为严重</translation>
    </message>
    <message>
        <source>Gro&amp;ups</source>
        <translation>分组(&amp;U)</translation>
    </message>
</context>
<context>
    <name>rw::StatusPanel</name>
    <message>
        <source>DEMO — simulated farm</source>
        <translation>演示 — 模拟矿场</translation>
    </message>
    <message>
        <source>Waiting for the first poll…</source>
        <translation>正在等待首次轮询…</translation>
    </message>
    <message>
        <source>Last successful poll %1 (%2 ago)</source>
        <translation>上次成功轮询 %1（%2前）</translation>
    </message>
    <message>
        <source>No successful poll yet</source>
        <translation>尚无成功的轮询</translation>
    </message>
    <message>
        <source>next poll in %1</source>
        <translation>%1后再次轮询</translation>
    </message>
    <message>
        <source>polling now…</source>
        <translation>正在轮询…</translation>
    </message>
    <message>
        <source>Last poll failed: %1</source>
        <translation>上次轮询失败：%1</translation>
    </message>
</context>
<context>
    <name>rw::TrayController</name>
    <message>
        <source>Open RigWatch</source>
        <translation>打开 RigWatch</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>立即刷新</translation>
    </message>
    <message>
        <source>For 30 minutes</source>
        <translation>30 分钟</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>For 4 hours</source>
        <translation>4 小时</translation>
    </message>
    <message>
        <source>Until resumed</source>
        <translation>直到手动恢复</translation>
    </message>
    <message>
        <source>Resume alerts</source>
        <translation>恢复告警</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Alerts are paused until resumed</source>
        <translation>告警已暂停，需手动恢复</translation>
    </message>
    <message>
        <source>Alerts are paused until %1</source>
        <translation>告警已暂停至 %1</translation>
    </message>
    <message>
        <source>Alerts are on</source>
        <translation>告警已开启</translation>
    </message>
    <message>
        <source>Pause alerts (paused)</source>
        <translation>暂停告警（已暂停）</translation>
    </message>
    <message>
        <source>Pause alerts</source>
        <translation>暂停告警</translation>
    </message>
    <message>
        <source>RigWatch is still running</source>
        <translation>RigWatch 仍在运行</translation>
    </message>
    <message>
        <source>RigWatch keeps watching the farm from the tray. Use Quit in the tray menu to stop it.</source>
        <translation>RigWatch 会在托盘中继续监控矿场。要停止运行，请使用托盘菜单中的“退出”。</translation>
    </message>
    <message>
        <source>Alerts muted by %1 until resumed</source>
        <translation>告警已被 %1 静音，直到恢复</translation>
    </message>
    <message>
        <source>Alerts muted by %1 until %2</source>
        <translation>告警已被 %1 静音，直到 %2</translation>
    </message>
</context>
<context>
    <name>rw::WorkerFilterProxy</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已退役</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>算力下降</translation>
    </message>
</context>
<context>
    <name>rw::WorkerTableModel</name>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已退役</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>The pool no longer lists this worker; it is kept here until it is retired.</source>
        <translation>矿池已不再列出这台矿机；在判定为退役之前，它会一直显示在这里。</translation>
    </message>
    <message>
        <source>No share for a long time: shown, but no longer alerted.</source>
        <translation>长时间未提交份额：仍会显示，但不再告警。</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>矿机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hashrate</source>
        <translation>算力</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时算力</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时算力</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>拒绝率</translation>
    </message>
    <message>
        <source>Last share</source>
        <translation>最后提交</translation>
    </message>
    <message>
        <source>Offline for</source>
        <translation>离线时长</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>%1 (pool: %2)</source>
        <translation>%1（矿池：%2）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>算力下降</translation>
    </message>
    <message>
        <source>%1, flapping</source>
        <translation>%1，状态频繁变化</translation>
    </message>
    <message>
        <source>Usual</source>
        <translation>常规算力</translation>
    </message>
    <message>
        <source>% of usual</source>
        <translation>占常规 %</translation>
    </message>
    <message>
        <source>Well below its usual hashrate for a while: a failing hash board or fan? After a deliberate change, use &quot;Accept current hashrate as usual&quot;.</source>
        <translation>一段时间以来远低于常规算力：算力板或风扇故障？如为有意调整，请使用“将当前算力设为常规”。</translation>
    </message>
    <message>
        <source>Going offline and back again and again: its changes are no longer posted one by one.</source>
        <translation>反复离线又恢复：其状态变化不再逐条推送。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
</context>
<context>
    <name>rw::WorkersPanel</name>
    <message>
        <source>Search workers or hosts</source>
        <translation>搜索矿机或主机</translation>
    </message>
    <message>
        <source>Show only workers in this state</source>
        <translation>只显示此状态的矿机</translation>
    </message>
    <message>
        <source>%1 of %2 workers</source>
        <translation>%1 / %2 台矿机</translation>
    </message>
    <message>
        <source>Accept current hashrate as usual</source>
        <translation>将当前算力设为常规</translation>
    </message>
    <message>
        <source>After a deliberate change (a downsize, an underclock): the rig&apos;s current hashrate becomes its usual level, so it is no longer called degraded.</source>
        <translation>有意调整（缩减、降频）之后：该矿机的当前算力成为其常规水平，不再被判为算力下降。</translation>
    </message>
    <message>
        <source>Show only the workers of this group</source>
        <translation>只显示此分组的矿机</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部分组</translation>
    </message>
    <message>
        <source>No group</source>
        <translation>无分组</translation>
    </message>
</context>
</TS>

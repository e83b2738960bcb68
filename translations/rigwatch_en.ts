<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConfigText</name>
    <message>
        <source>%1; %2 is used instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: the account is left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the defaults %2 and %3 are used instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; Telegram stays off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a Telegram user id; it is ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a proxy with a password is not kept in the settings; no proxy is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the group is left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the group &quot;%2&quot; is listed twice; the second is left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no quiet hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no digest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>RigWatch settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch another pool account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop watching this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. myfarm01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll &amp;every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline &amp;after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retired after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashrate &amp;floor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red &amp;when offline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker is offline when it has sent no share for this long; it is retired (shown, never alerted) after the longer time. Set the floor to 0 to switch the hashrate alert off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bot &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>123456789:AA…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-1001234567890 or @channelname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When &amp;resolved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave both fields empty to keep alerts on this desktop only. The bot must be an administrator of the channel to delete its own messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start RigWatch when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request t&amp;imeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rigwatch</name>
    <message>
        <source>RigWatch: watches the workers of a farm&apos;s pool accounts from the system tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch a simulated farm started in-process (also what happens when nothing is configured).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in the tray without opening the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not hand over to a running RigWatch.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw</name>
    <message>
        <source>An account has no name: enter the f2pool account name or remove the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account name &quot;%1&quot;: use 2–15 lowercase letters or digits, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency of %1: use the pool&apos;s slug, such as bitcoin or litecoin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token of %1: the f2pool API v2 needs one (create it in the f2pool account settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account %1 (%2) is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll interval: at least 30 s, so the pool does not throttle the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request timeout: between 2 s and less than the poll interval (%1 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline after: at least 1 minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline after: at least one poll interval (%1 s), or every late poll would look like an outage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired after: must be longer than offline after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashrate floor: cannot be negative (0 switches it off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red when offline: a share between 0 and 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram: a chat is set but no bot token. Enter both, or clear both to turn Telegram off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram: a bot token is set but no chat. Enter both, or clear both to turn Telegram off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram bot token: it looks like 123456789:AA… as BotFather gave it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram chat: a numeric id (channels start with -100) or @channelname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: English or Simplified Chinese.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account on %1 has no name: enter its account, subaccount or user id, or remove the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool URL of %1: enter an http or https address, such as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key of %1: %2 needs the API key and its secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2: %3 needs it to read the workers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy of %1: enter the proxy&apos;s host and port, such as 127.0.0.1:1080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most every: between 1 s and the poll interval (%1 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded below: a share of the usual hashrate between 0 and 100 % (0 switches it off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded after: cannot be negative (0 counts a worker at once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flapping after: between 0 and %1 changes (0 switches it off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flapping window: between 1 minute and 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer commands: enter the bot token and the chat first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram admins: &quot;%1&quot; is not a Telegram user id (a number, such as 123456789).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram proxy: enter the proxy&apos;s host and port, such as 127.0.0.1:1080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical when offline: a share between 0 and 100 % (0: never critical).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no name: letters, digits, &apos;-&apos; and &apos;_&apos;, such as site-a.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; is listed twice: names must differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group &quot;%1&quot;: give worker names or hosts to match (globs such as rig-a* or 203.0.113.*), or remove the group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat of group &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashrate floor of group &quot;%1&quot;: cannot be negative (0 switches it off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily digest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::AlertCoalescer</name>
    <message>
        <source>%1 … and %2 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: hashrate below the floor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: hashrate back above the floor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the pool is not answering (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the pool answers again after %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) went offline, %1 came back</source>
        <translation>
            <numerusform>%n worker went offline, %1 came back</numerusform>
            <numerusform>%n workers went offline, %1 came back</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 went offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n workers went offline</source>
        <translation>
            <numerusform>%n worker went offline</numerusform>
            <numerusform>%n workers went offline</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is back online</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n workers are back online</source>
        <translation>
            <numerusform>%n worker is back online</numerusform>
            <numerusform>%n workers are back online</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keeps going offline and back (%2 changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n workers are degraded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Degraded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::AppController</name>
    <message>
        <source>No system tray was found on this desktop: RigWatch runs as a normal window, and closing it quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database reported a problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 workers online. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The translation for %1 is missing from this build; RigWatch stays in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system tray is available now: closing the window keeps RigWatch running there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::Autostart</name>
    <message>
        <source>Windows did not let RigWatch change its start-up entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::ChartPanel</name>
    <message>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total hashrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data for this range yet: the chart fills in as polls come in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Farm hashrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual for the worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the total hashrate of one group of workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashrate of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::EngineHost</name>
    <message>
        <source>The engine is not running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::EngineWorker</name>
    <message>
        <source>The simulated farm could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Telegram group %1 became the supergroup %2: update the chat id in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected in %1 ms: found %n worker(s), %2 of them online.</source>
        <translation>
            <numerusform>Connected in %1 ms: found %n worker, %2 of them online.</numerusform>
            <numerusform>Connected in %1 ms: found %n workers, %2 of them online.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected in %1 ms: the first page lists %n worker(s) of %2, %3 of them online.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rw::FarmSummary</name>
    <message>
        <source>Not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first answer from the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All workers online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some workers are offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashrate below the floor or many workers offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pool is not answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RigWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated %1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 online · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts paused until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts paused until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO — simulated farm</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) degraded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) flapping</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rw::GroupsEditor</name>
    <message>
        <source>&amp;Add group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, digits, &apos;-&apos; and &apos;_&apos;; /metrics and the report use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As shown, e.g. Site A (empty: the name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rig-a*, a1-??</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated globs over worker names: * any run, ? one character, case ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hosts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>203.0.113.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated globs over the host the pool reports (f2pool: the site&apos;s public IP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the Telegram page&apos;s chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashrate &amp;floor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2P or 350T; empty or 0: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker belongs to the first group, from the top, whose workers or hosts match; the others stay in no group and use the Telegram page&apos;s chat. Groups apply to every account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashrate floor of group &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::MainWindow</name>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outage history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;RigWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2/%3 online)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO — simulated farm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss these notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts (farm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Farm (%1/%2 online)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::MirrorPanel</name>
    <message>
        <source>Posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What RigWatch posted to the Telegram chat, newest first. A live message stands for an ongoing incident; it is retracted when all is well again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram is not configured: add a bot token and a chat in the settings to mirror incidents to a channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retracted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram asked to wait until %1: alerts that come up meanwhile are posted then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::OutageModel</name>
    <message>
        <source>still offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Went offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (degraded, down to %2 % of usual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::OutagePanel</name>
    <message>
        <source>Filter by worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export outages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n outage(s), %1 still ongoing, %2 of downtime in total</source>
        <translation>
            <numerusform>%n outage, %1 still ongoing, %2 of downtime in total</numerusform>
            <numerusform>%n outages, %1 still ongoing, %2 of downtime in total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %1 of %n outages (narrow the range or the worker filter to see the others; the export writes them all): </source>
        <translation>
            <numerusform>The newest %1 of %n outage (narrow the range or the worker filter to see the others; the export writes them all): </numerusform>
            <numerusform>The newest %1 of %n outages (narrow the range or the worker filter to see the others; the export writes them all): </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rw::ProxyEditor</name>
    <message>
        <source>As the system says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The https_proxy, all_proxy and no_proxy environment variables, if set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host names are resolved at the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: enter the proxy&apos;s host and port, such as 127.0.0.1:1080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a password without a user name; enter both, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::SecretStore</name>
    <message>
        <source>stored in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in memory for this session only (no system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bot token could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in memory for this session only, because this desktop has no system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy password of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Telegram proxy&apos;s password could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::SettingsDialog</name>
    <message>
        <source>Tokens are %1; they are never written to the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f2pool (API v2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f2pool legacy (API v1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit it to &quot;resolved&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(new account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a bot token and a chat first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting a test message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tokens could not be stored in the keychain, so nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account yet: press Add to watch your f2pool account. Until then RigWatch shows the simulated demo farm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Braiins Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binance Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luxor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ViaBTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AntPool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subaccount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How this account&apos;s pool API is reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At &amp;most every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shortest gap between two polls, used when a worker is about to cross a threshold; never below what the pool allows, and never above the poll interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Degraded below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> % of usual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker online below this share of its usual hashrate is degraded; 0 switches it off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a worker must stay below before it counts as degraded (0 = at once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;lapping after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker whose state changes more often than this within the window is flapping: its changes no longer notify; 0 = off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer commands and buttons (/status, /mute…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one program can read a bot&apos;s commands: leave this off when rigwatchd on a server answers for the same bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dmins:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram user ids, e.g. 111, 222</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may mute, unmute and acknowledge; anyone in the chat may ask for /status. Empty: nobody may change anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the Telegram Bot API is reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram admins: &quot;%1&quot; is not a Telegram user id (a number, such as 123456789).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 through the proxy at %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded af&amp;ter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flapping wi&amp;ndow:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quiet hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silent from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside this window alerts are posted without a sound, unless critical (a hashrate floor breached, or many workers offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For quiet hours and the daily digest: an IANA name such as Asia/Shanghai; empty: the system&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily di&amp;gest:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a summary of the last 24 hours at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical &amp;when offline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> % of a group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When at least this share of a group&apos;s (or an account&apos;s) workers is offline, the alert is critical and sounds even in quiet hours; 0: never critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gro&amp;ups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::StatusPanel</name>
    <message>
        <source>DEMO — simulated farm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first poll…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful poll %1 (%2 ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No successful poll yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next poll in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>polling now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last poll failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::TrayController</name>
    <message>
        <source>Open RigWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 30 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 4 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts are paused until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts are paused until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts are on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause alerts (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RigWatch is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RigWatch keeps watching the farm from the tray. Use Quit in the tray menu to stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts muted by %1 until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts muted by %1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::WorkerFilterProxy</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::WorkerTableModel</name>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pool no longer lists this worker; it is kept here until it is retired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No share for a long time: shown, but no longer alerted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pool: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, flapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% of usual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Well below its usual hashrate for a while: a failing hash board or fan? After a deliberate change, use &quot;Accept current hashrate as usual&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Going offline and back again and again: its changes are no longer posted one by one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::WorkersPanel</name>
    <message>
        <source>Search workers or hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only workers in this state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept current hashrate as usual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a deliberate change (a downsize, an underclock): the rig&apos;s current hashrate becomes its usual level, so it is no longer called degraded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the workers of this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConfigText</name>
    <message>
        <source>%1:%2: section [%3] appears again (first on line %4): both are read as one, a key set in both takes the later value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: [%3] %4: the quoted value has no closing %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: [%3] %4: only a comment (after ; or #) may follow the closing %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: [%3] %4 is set again (first on line %5): the value on line %2 is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 must be at least %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 is more than %3: %3 is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not a hash rate in H/s (e.g. 0, 3.5e15 or 350T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is too large to be a hash rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not an http:// or https:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not a known provider (f2pool, f2pool-v1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be greater than %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is neither a numeric chat id nor @channelname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; must be delete or edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; must be en or zh_CN</source>
        <translation type="unfinished"></translation>
    </message>
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
</context>
<context>
    <name>F2poolText</name>
    <message>
        <source>f2pool error %1 (no message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f2pool error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply is a JSON array, expected an object with a &quot;workers&quot; list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply is not valid JSON: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (it looks like an HTML page, e.g. a proxy or maintenance page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply has no &quot;workers&quot; list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply&apos;s &quot;workers&quot; is not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (pool says: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no worker name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply&apos;s &quot;workers&quot; list has %1 entries and none is a usable worker (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplyCheckText</name>
    <message>
        <source>%1 ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply held as suspect: its total hashrate (%1 H/s) is not plausible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply held as suspect: it lists %1 of the %2 workers that were online at the last poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pool&apos;s clock (its Date header) is %1 of this computer&apos;s and of its own workers&apos; shares; classified on this computer&apos;s clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply held as suspect: the pool&apos;s clock (its Date header) is %1 of this computer&apos;s, and its workers&apos; shares do not confirm it</source>
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
    <name>StoreText</name>
    <message>
        <source>it was written by a newer version of RigWatch (schema %1; this version understands up to %2). Upgrade RigWatch or choose another database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is an SQLite database of another program (it has tables but no RigWatch schema version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was written by a newer version of RigWatch (schema %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrading it to schema %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is locked by another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be opened or created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the worker states of account &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the state of account &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the Telegram messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save a Telegram message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no saved message has id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the poll of account &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the failed poll of account &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the hashrate history of account &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the hashrate history of worker &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the outages of account &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot roll up old samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the Telegram chat state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the Telegram chat state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TelegramResult</name>
    <message>
        <source> (Telegram said: &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unauthorized: the bot token is wrong or was revoked; copy it again from @BotFather</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bot is not allowed to post in this chat: add it to the channel or group as an administrator that can post messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat not found: check the chat id (a channel is @name or -100…) and that the bot was added to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram asked to slow down for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group became a supergroup; its new chat id is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram could not be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram refused the request: the message was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram refused the request: the message cannot be deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram refused the request: the message cannot be edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram refused the request: the message is too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram refused the request: bad HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram refused the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram&apos;s answer exceeded 1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TelegramSelfTest</name>
    <message>
        <source>Chat not found: &quot;%1&quot; does not exist or the bot was never added to it (a channel is @name or -100…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bot is not a member of &quot;%1&quot; or may not post there: add it as an administrator that can post messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group became a supergroup: set chat = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not post the test message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 posted a test message in %2 and deleted it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can post in %2 but may not delete messages, so alerts cannot be taken back: give it the &quot;Delete messages&quot; right or set retract = edit. The test message is still in the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 posted a test message in %2 but deleting it failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rigwatch</name>
    <message>
        <source>RigWatch: watches the workers of f2pool accounts from the system tray.</source>
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
        <source>Pool URL of %1: enter an http or https address, such as https://api.f2pool.com.</source>
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
</context>
<context>
    <name>rw::Engine</name>
    <message>
        <source>%1 went offline (last share %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is back after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing from the pool&apos;s list (last share %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 retired: no share for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hashrate below the floor: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hashrate back above the floor after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool unreachable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool answering again after %1</source>
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
</context>
<context>
    <name>rw::MessageFormatter</name>
    <message>
        <source>under 1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 workers offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 missing, no share for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 offline for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashrate %1, below the floor of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashrate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool unreachable for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool unreachable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of %1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: resolved at %2 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: resolved at %2 UTC after %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: replaced by a newer message at %2 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RigWatch test message (%1 UTC): alerts will arrive in this chat. It is deleted right away.</source>
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
    <name>rw::Poller</name>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pool&apos;s reply is too large (%1 bytes, the limit is %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pool&apos;s reply is larger than the limit of %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s host %2 was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection before the reply was complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection without answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error talking to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (is the API token right?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a reply RigWatch cannot read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 began to answer but did not finish within %2 s (%3 bytes received)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::Runtime</name>
    <message>
        <source>the database %1 is in use by another RigWatch (%2, process %3 on %4): stop it, or give this one a database of its own ([storage] database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the lock file %1: check that its folder is writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database %1 is damaged and cannot be moved aside: move or delete it by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database %1 was damaged: it was moved to %2 and a new one started (the history before now is in the old file)</source>
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
    <name>rw::TelegramNotifier</name>
    <message>
        <source>%1: %2; the alert is sent again as shorter plain text without formatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, also as plain text; the alert is tried again after the next poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record the Telegram message in the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RigWatch stopped before Telegram confirmed this message; if it was posted, delete it by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: the incident ended before Telegram could be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: the incident ended before the plain-text version could be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: the incident ended before Telegram could be reached (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited to resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaced by a newer message; edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer in the chat (deleted by someone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left in the chat: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a message could not be edited and was %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: edit refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a resolved message could not be taken back: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already gone from the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left in the old group, which became a supergroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram answered without a message id: the message may be in the chat; delete it by hand if it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may have been posted (%1); delete it by hand if it is in the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: an alert may have been posted without RigWatch knowing it (%2); delete it by hand if it is in the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: stopped while an alert was being posted; it may be in the chat without RigWatch knowing it - delete it by hand if it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram asked to wait %1 s before the next call to chat %2; RigWatch waits at most %3 s, until %4 UTC, and then tries again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram asked to wait until %1 UTC; it is sent again then</source>
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
</context>
<context>
    <name>rw::Units</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
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
</context>
</TS>

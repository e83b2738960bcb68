<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Availability</name>
    <message>
        <source>Ungrouped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
        <source>%1 = &quot;%2&quot; is not a known provider (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot;: &quot;%3&quot; is not a Telegram user id (a positive number; ask @userinfobot for yours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; must be on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected socks5://host:port or http://host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scheme must be socks5 or http, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the port is missing (e.g. :1080)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a proxy takes no path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy at %1 refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy at %1 refused the user name or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy at %1 did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy at %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not a time of day (HH:MM, e.g. 08:00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not a window of the day (HH:MM-HH:MM, e.g. 23:00-07:00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; begins where it ends; leave it empty for no quiet hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is not a time zone this system knows (an IANA name such as Asia/Shanghai)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a group&apos;s name has only letters, digits, &apos;-&apos; and &apos;_&apos; (&quot;%2&quot; has others)</source>
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
    <name>ProviderText</name>
    <message>
        <source>AntPool error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AntPool error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply has no &quot;rows&quot; list of workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the user id, API key and secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API key may lack the permission to read workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API key, this IP address or the key&apos;s permissions were refused: check the key, its IP whitelist and that it may read the mining pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature was refused: check the API secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request&apos;s timestamp is outside the pool&apos;s window: check the computer&apos;s clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many requests from this IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binance Pool error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply has neither &quot;code&quot; nor &quot;data&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply&apos;s &quot;data&quot; is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply has no &quot;workerDatas&quot; list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the API key and secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key may lack the mining permission or this IP is not whitelisted</source>
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
        <source>check the access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the access profile may lack &quot;Allow access to web APIs&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API key may lack read access to this subaccount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply is empty</source>
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
        <source>reply is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ViaBTC error 12004: this IP address is not on the API key&apos;s whitelist (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ViaBTC error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ViaBTC error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply has no &quot;data&quot; object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply has no &quot;data&quot; list of workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this IP address may not be on the API key&apos;s whitelist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 error: %2</source>
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
    <name>ReportPeriod</name>
    <message>
        <source>bad period &quot;%1&quot;: use yesterday, last-7-days, last-month or YYYY-MM-DD..YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad period &quot;%1&quot;: &quot;%2&quot; is not a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad period &quot;%1&quot;: it ends before it begins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad period &quot;%1&quot;: it has not begun yet</source>
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
        <source>cannot save the Telegram chat state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the Telegram chat state</source>
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
        <source>cannot read the Telegram update offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the Telegram update offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the mutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save a mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot end a mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the acknowledgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save an acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove an acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the worker health of account &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the usual hashrate of &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot compute the usual hashrates of account &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read when the last digest was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record that the digest was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the workers of account &quot;%1&quot;</source>
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
        <source>Telegram&apos;s answer exceeded 1 MiB</source>
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
    <message>
        <source>%1 is degraded: %2 for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer degraded after %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is flapping: %2 state changes; its changes are no longer posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has stopped flapping</source>
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
    <message>
        <source>/%1 is not available in this version of RigWatch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command /%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/%1 changes what RigWatch does: a channel post has no sender, so send it from a private chat with the bot (admins only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed: only the admins listed in [telegram] admins may use /%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts paused by %1 until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts muted by %1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 workers online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(floor %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not polled yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool not answering for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hashrate below the floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 missing for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account is watched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RigWatch status at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No worker is offline or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 workers offline or missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RigWatch answers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration: write 30m, 2h or 1d (at most 30 d).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no group &quot;%1&quot;: this version mutes the whole chat (/mute 2h).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live messages are still updated; /unmute ends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts were not muted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts are on again (unmuted by %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mute set by %1 has ended; alerts are on again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed: admins only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts muted until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This alert is over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown button.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged by %1 at %2 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the desktop app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 % of usual (%3 of %4) for %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 state changes, online now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 state changes, down now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: /rebase NAME — accepts the worker&apos;s current hashrate as its usual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3 is now its usual hashrate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no current hashrate to accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No worker named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: hashrate %2, below its floor of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workers are routed to this chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Availability %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outages: %1, downtime %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most downtime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average hashrate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average hashrate unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>floor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usual %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right now all is well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right now: %1 down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below the floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool unreachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::MetricsServer</name>
    <message>
        <source>/metrics cannot accept a connection (%1); it tries again every second</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rw::Poller</name>
    <message>
        <source>%1 began to answer but did not finish within %2 s (%3 bytes received)</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source> (page %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asks RigWatch to slow down (HTTP %2): no request for %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s paging goes back from page %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 still says there is more after %2 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s through the proxy at %3</source>
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
    <name>rw::TelegramNotifier</name>
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
        <source>Telegram asked to wait %1 s before the next call to chat %2; RigWatch waits at most %3 s, until %4 UTC, and then tries again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; the alert is sent again as shorter plain text without formatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, also as plain text; the alert is tried again after the next poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: the incident ended before the plain-text version could be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram answered without a message id: the message may be in the chat; delete it by hand if it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram asked to wait until %1 UTC; it is sent again then</source>
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
        <source>%1: stopped while an alert was being posted; it may be in the chat without RigWatch knowing it - delete it by hand if it is</source>
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
    <name>rw::UpdateReader</name>
    <message>
        <source>Telegram commands wait: the database cannot record them (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another program reads this bot&apos;s updates (or a webhook is set), so commands are not answered; RigWatch tries again every %1 s and keeps posting alerts (Telegram said: &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram commands cannot be read: %1; trying again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

// format=groovy: nginx's "combined" access log line to fields (a JSON object in Kafka).
import groovy.transform.Field
import java.util.regex.Matcher
import java.util.regex.Pattern

// a static field: compiled once with the script, not on every line as a local variable would be
@Field static final Pattern COMBINED = ~/^(\S+) \S+ (\S+) \[([^\]]+)\] "(\S+) (\S+) [^"]*" (\d{3}) (\d+|-) "([^"]*)" "([^"]*)"$/

Matcher m = COMBINED.matcher(line.text)
if (!m.matches()) {
    return line.text                      // not an access-log line: sent as it is
}
[client: m.group(1), user: m.group(2), time: m.group(3), method: m.group(4), path: m.group(5),
 status: m.group(6).toInteger(), bytes: m.group(7) == '-' ? 0L : m.group(7).toLong(),
 referrer: m.group(8), agent: m.group(9)]

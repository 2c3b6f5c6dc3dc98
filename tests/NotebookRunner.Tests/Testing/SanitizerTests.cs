using NotebookRunner.Testing;

namespace NotebookRunner.Tests.Testing;

public class SanitizerTests
{
    [Theory]
    [InlineData("timestamps", "started 2026-11-22T01:36:00.123Z, done at 14:03:59.5", "started <timestamp>, done at <timestamp>")]
    [InlineData("durations", "took 1.23 s, then 450ms and 3 seconds (x2.5)", "took <duration>, then <duration> and <duration> (x2.5)")]
    [InlineData("thread-ids", "Thread 12 and thread id: 7, ManagedThreadId=4", "Thread <id> and thread id: <id>, ManagedThreadId=<id>")]
    [InlineData("task-ids", "Task #31 and task id: 5 and 3 tasks", "Task #<id> and task id: <id> and 3 tasks")]
    [InlineData("guids", "id 0B6E2BB4-6f8e-4d47-9c1a-0c4c6b1a77e1.", "id <guid>.")]
    [InlineData("hex-addresses", "at 0x7ffd5a3c and 0x1f", "at 0x<address> and 0x1f")]
    [InlineData("temp-paths", "saved to /tmp/nb-12/out.json now", "saved to <temp-path> now")]
    [InlineData("loopback-ports", "GET http://127.0.0.1:43817/flags and localhost:5000", "GET http://127.0.0.1:<port>/flags and localhost:<port>")]
    public void Each_built_in_rule_replaces_what_changes_between_runs(string rule, string input, string expected)
    {
        var sanitizer = new Sanitizer([BuiltInSanitizers.Find(rule)!]);
        var fired = new HashSet<string>();

        Assert.Equal(expected, sanitizer.Apply(input, fired));
        Assert.Equal([rule], fired);
    }

    [Fact]
    public void Rules_that_change_nothing_are_not_reported_and_counts_survive()
    {
        var fired = new HashSet<string>();

        Assert.Equal("3 downloads, 20 flags", Sanitizer.Default.Apply("3 downloads, 20 flags", fired));
        Assert.Empty(fired);
    }
}

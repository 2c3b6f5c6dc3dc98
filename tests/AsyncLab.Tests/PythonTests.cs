using AsyncLab;

namespace AsyncLab.Tests;

public class PythonTests
{
    [Fact]
    public async Task A_script_result_is_the_last_JSON_object_line()
    {
        await PythonScripts.WithScript("""
            import json, sys
            print("warming up")
            print(json.dumps({"draft": True}))
            print(json.dumps({"args": sys.argv[1:], "elapsed": 0.25, "text": "héllo"}))
            print("[1, 2]")
            """, async script =>
        {
            var result = await Python.RunJsonAsync(script, "a", "b c");
            Assert.False(result.Skipped);
            Assert.Equal(["a", "b c"], result["args"].EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(0.25, result.Number("elapsed"));
            Assert.Equal("héllo", result["text"].GetString());
            var missing = Assert.Throws<KeyNotFoundException>(() => result["nope"]);
            Assert.Contains("args, elapsed, text", missing.Message);
        });
    }

    [Fact]
    public async Task Failures_report_exit_code_and_stderr()
    {
        await PythonScripts.WithScript("import sys\nprint('oops', file=sys.stderr)\nsys.exit(3)\n", async script =>
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Python.RunJsonAsync(script));
            Assert.Contains("exited with code 3", error.Message);
            Assert.Contains("oops", error.Message);
            await File.WriteAllTextAsync(script, "import time\ntime.sleep(30)\n");
            await Assert.ThrowsAsync<TimeoutException>(() => Python.RunJsonAsync(script, [], TimeSpan.FromMilliseconds(500)));
        });
    }

    private sealed record Run(double Speedup, double Cores, double? Available);

    private sealed record Workers(string Python, int Chunks, double CpuInlineGapS, IReadOnlyList<Run> Threads, string? Note);

    [Fact]
    public async Task A_typed_result_maps_snake_case_to_PascalCase()
    {
        await PythonScripts.WithScript("""
            import json, sys
            print("progress line")
            print(json.dumps({"python": sys.version.split()[0], "chunks": int(sys.argv[1]), "cpu_inline_gap_s": 1.02,
                              "threads": [{"speedup": 0.98, "cores": 1.0, "available": None}], "extra": "ignored"}))
            """, async script =>
        {
            var result = await Python.RunAsync<Workers>(script, "2");

            Assert.NotNull(result);
            Assert.Equal(2, result.Chunks);
            Assert.Equal(1.02, result.CpuInlineGapS);
            Assert.Equal(new Run(0.98, 1.0, null), Assert.Single(result.Threads));
            Assert.Null(result.Note);   // nullable: may be left out
        });
    }

    [Fact]
    public async Task A_typed_result_names_what_the_script_left_out()
    {
        await PythonScripts.WithScript("import json\nprint(json.dumps({'python': '3', 'chunks': 'two', 'threads': []}))\n", async script =>
        {
            var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => Python.RunAsync<Workers>(script));
            Assert.Contains("Workers.CpuInlineGapS (\"cpu_inline_gap_s\")", missing.Message);
            Assert.Contains("python, chunks, threads", missing.Message);

            await File.WriteAllTextAsync(script, "import json\nprint(json.dumps({'python': '3', 'chunks': 'two', 'cpu_inline_gap_s': 1, 'threads': []}))\n");
            var wrongType = await Assert.ThrowsAsync<InvalidOperationException>(() => Python.RunAsync<Workers>(script));
            Assert.Contains("does not fit Workers", wrongType.Message);
            Assert.Contains("$.chunks", wrongType.Message);
        });
    }

    [Fact]
    public void Has_tells_which_modules_exist()
    {
        if (PythonScripts.SkipReason() is { } reason)
        {
            Console.WriteLine("skipped: " + reason);
            return;
        }
        Assert.True(Python.Has("json"));
        Assert.False(Python.Has("no_such_module_asynclab"));
    }

    [Fact]
    public void A_skipped_result_says_why_in_its_json()
    {
        var skipped = PythonResult.Skip("no Python found");
        Assert.True(skipped.Skipped);
        Assert.Equal("no Python found", skipped.Json.GetProperty("skipped").GetString());
        Assert.Null(skipped.Number("elapsed"));
        Assert.Contains("skipped", Assert.Throws<KeyNotFoundException>(() => skipped["elapsed"]).Message);
    }

    [Fact]
    public void The_last_JSON_object_line_wins_and_other_lines_are_ignored()
    {
        var json = Python.LastJsonObject("{\"a\": 1}\n{broken\n{\"b\": 2}\n[3]\ntrailing text\n");
        Assert.Equal(2, json!.Value.GetProperty("b").GetInt32());
        Assert.Null(Python.LastJsonObject("no json here\n[1]\n"));
    }
}

using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace NotebookRunner.Tests.Execution;

/// <summary>The C# kernel's semantics, checked cell by cell on <c>behaviours.ipynb</c> (see polyglot-compat §2).</summary>
public sealed class KernelSemanticsTests(BehavioursFixture run) : IClassFixture<BehavioursFixture>
{
    [Fact]
    public void Markdown_cells_are_not_executed_and_every_code_cell_has_a_result()
    {
        Assert.DoesNotContain(run.Result.Cells, c => c.CellIndex == 0);
        Assert.Equal(FixtureNotebook.ReadCells(Path.Combine(run.Folder, "behaviours.ipynb")).Count - 1, run.Result.Cells.Count);
    }

    [Fact]
    public void Execution_counts_number_the_executed_cells_from_one()
    {
        Assert.Equal(Enumerable.Range(1, run.Result.Cells.Count), run.Result.Cells.Select(c => c.ExecutionCount ?? 0));
    }

    [Fact]
    public void Default_imports_are_the_kernels_and_a_trailing_expression_is_shown_as_html_and_text()
    {
        var cell = run.Cell(1);
        Assert.Equal(CellStatus.Passed, cell.Status);
        Assert.Equal("6", cell.Shown());
        Assert.Equal("<div class=\"dni-plaintext\"><pre>6</pre></div>", cell.Display("text/html"));
    }

    [Fact]
    public void System_IO_is_not_imported_by_default()
    {
        var cell = run.Cell(34);
        Assert.Equal(CellStatus.Failed, cell.Status);
        Assert.Contains("error CS0103: The name 'File' does not exist in the current context", cell.FailureMessage);
    }

    [Fact]
    public void A_semicolon_after_an_expression_is_the_compile_error_CS0201()
    {
        var cell = run.Cell(2);
        Assert.Equal(CellStatus.Failed, cell.Status);
        Assert.Equal(
            "(1,1): error CS0201: Only assignment, call, increment, decrement, await, and new object expressions can be used as a statement",
            cell.FailureMessage);
        var error = cell.Error();
        Assert.Equal("Error", error.EName);
        Assert.Equal(cell.FailureMessage, error.EValue);
    }

    [Theory]
    [InlineData(3, null)] // Console.WriteLine("a") without ';' is void: no value
    [InlineData(4, "5")] // top-level return
    [InlineData(5, null)] // await Task.Delay(1)
    [InlineData(6, "3")] // await Task.FromResult(3)
    [InlineData(7, "<null>")] // string s = null; s
    public void Return_values_follow_the_kernels_table(int index, string? shown)
    {
        var cell = run.Cell(index);
        Assert.Equal(CellStatus.Passed, cell.Status);
        if (shown is null)
        {
            Assert.Empty(cell.Displays());
        }
        else
        {
            Assert.Equal(shown, cell.Shown());
        }
    }

    [Fact]
    public void Void_call_output_is_only_the_stream()
    {
        Assert.Equal([new StreamOutput("stdout", "a\n")], run.Cell(3).Outputs);
    }

    [Fact]
    public void A_string_is_shown_as_text_plain_only()
    {
        Assert.Equal([new("text/plain", "plain text")], SingleDisplay(run.Cell(8)));
    }

    [Fact]
    public void HTML_renders_raw_markup()
    {
        Assert.Equal([new("text/html", "<b>bold</b>")], SingleDisplay(run.Cell(9)));
    }

    [Fact]
    public void Update_replaces_the_display_in_place()
    {
        var cell = run.Cell(10);
        Assert.Single(cell.Outputs);
        Assert.Equal("2", cell.Shown());
    }

    [Fact]
    public void DisplayAs_is_raw_while_Display_with_a_mime_type_encodes()
    {
        var cell = run.Cell(11);
        Assert.Equal("<i>raw</i>", cell.Display("text/html", 0));
        Assert.Equal("<div class=\"dni-plaintext\"><pre>&lt;i&gt;encoded&lt;/i&gt;</pre></div>", cell.Display("text/html", 1));
    }

    [Fact]
    public void Objects_render_as_an_html_table_only_as_in_VS_Code()
    {
        var cell = run.Cell(12);
        Assert.Equal(["text/html"], cell.Displays()[0].Data.Select(d => d.Key));
        Assert.Contains("<td>X</td><td><div class=\"dni-plaintext\"><pre>1</pre></div></td>", cell.Display("text/html"));
    }

    [Fact]
    public void A_TypeFormatterSource_type_formats_through_its_source_with_every_preferred_mime_type_in_one_output()
    {
        Assert.Equal([new("text/html", "<meter value=\"7\"></meter>"), new("text/plain", "gauge at 7")], SingleDisplay(run.Cell(13)));
    }

    [Fact]
    public void A_runtime_exception_fails_the_cell_with_its_type_message_and_cell_line()
    {
        var cell = run.Cell(14);
        Assert.Equal(CellStatus.Failed, cell.Status);
        Assert.Equal("System.InvalidOperationException", cell.ExceptionType);
        Assert.StartsWith("System.InvalidOperationException: boom", cell.FailureMessage);
        Assert.Contains("cell15.csx:line 2", cell.FailureMessage);
        Assert.Equal(cell.FailureMessage!.Split('\n').Length, cell.Error().Traceback.Count);
    }

    [Fact]
    public void Variables_declared_before_a_throw_survive_it()
    {
        Assert.Equal("42", run.Cell(15).Shown());
    }

    [Fact]
    public void Compile_errors_are_sorted_with_lines_inside_the_cell()
    {
        Assert.Equal(
            "(1,13): error CS0103: The name 'undefinedFirst' does not exist in the current context" + Environment.NewLine
            + "(2,14): error CS0103: The name 'undefinedSecond' does not exist in the current context",
            run.Cell(16).FailureMessage);
    }

    [Fact]
    public void Stdout_and_stderr_are_separate_streams_in_emission_order_with_chunks_merged()
    {
        Assert.Equal([new StreamOutput("stdout", "ab"), new StreamOutput("stderr", "e"), new StreamOutput("stdout", "c")], run.Cell(17).Outputs);
    }

    [Fact]
    public void Writes_from_tasks_and_threads_go_to_the_cell_that_started_them()
    {
        var cell = run.Cell(18);
        Assert.True(cell.Status == CellStatus.Passed, cell.FailureMessage);
        Assert.Equal("from a task\nfrom a thread\n", cell.Text());
    }

    [Fact]
    public void Time_magic_shows_the_wall_time_after_the_outputs()
    {
        var cell = run.Cell(19);
        Assert.IsType<StreamOutput>(cell.Outputs[0]);
        Assert.Matches(@"^Wall time: \d+(\.\d+)?ms$", cell.Shown());
    }

    [Fact]
    public void Html_magic_shows_the_section_as_html()
    {
        Assert.Equal([new("text/html", "<p>hello <b>html</b></p>")], SingleDisplay(run.Cell(20)));
    }

    [Fact]
    public void Markdown_magic_renders_headings_emphasis_code_lists_and_tables()
    {
        var html = run.Cell(21).Display("text/html");
        Assert.Contains("<h1>Title</h1>", html);
        Assert.DoesNotContain("#!markdown", html);
        Assert.Contains("<em>emphasis</em>", html);
        Assert.Contains("<strong>strong</strong>", html);
        Assert.Contains("<code>code &lt;x&gt;</code>", html);
        Assert.Contains("<li>one</li>", html);
        Assert.Contains("<td>1</td><td>2</td>", html);
    }

    [Fact]
    public void An_unknown_magic_fails_the_cell_before_any_code_runs()
    {
        var cell = run.Cell(22);
        Assert.Equal(CellStatus.Failed, cell.Status);
        Assert.Equal("(2,1): error DNI101: Unknown magic command '#!unknownmagic'", cell.FailureMessage);
        Assert.Empty(cell.Outputs.OfType<StreamOutput>());
    }

    [Theory]
    [InlineData(23)] // #!fsharp section
    [InlineData(24)] // cell whose metadata names the fsharp kernel
    public void A_cell_for_another_kernel_fails_saying_only_csharp_runs(int index)
    {
        var cell = run.Cell(index);
        Assert.Equal(CellStatus.Failed, cell.Status);
        Assert.Contains("This runner executes C# only", cell.FailureMessage);
        Assert.Contains("fsharp", cell.FailureMessage);
    }

    [Fact]
    public void Load_resolves_against_the_notebook_folder()
    {
        Assert.Equal("hello from helper.csx via load", run.Cell(25).Shown());
    }

    [Fact]
    public void A_missing_referenced_dll_is_the_compile_error_CS0006()
    {
        var cell = run.Cell(26);
        Assert.Equal(CellStatus.Failed, cell.Status);
        Assert.StartsWith("(1,1): error CS0006: Metadata file 'missing/nope.dll' could not be found", cell.FailureMessage);
    }

    [Fact]
    public void A_relative_dll_reference_resolves_against_the_notebook_folder()
    {
        Assert.Equal("hello from Greeter.dll via dll", run.Cell(27).Shown());
    }

    [Fact]
    public void An_IHtmlContent_value_is_written_as_its_html()
    {
        var cell = run.Cell(37);
        Assert.Equal(CellStatus.Passed, cell.Status);
        Assert.Equal("<b>a &lt; b</b>", cell.Display("text/html"));
    }

    [Theory]
    [InlineData(28, "csx")]
    [InlineData(29, "ipynb")]
    [InlineData(30, "dib")]
    public void Import_runs_the_files_cells_in_the_importing_cell(int index, string kind)
    {
        var cell = run.Cell(index);
        Assert.Equal(CellStatus.Passed, cell.Status);
        Assert.Equal(kind, cell.Shown(cell.Displays().Count - 1));
    }

    [Fact]
    public void Imported_notebooks_show_their_markdown_cells_and_outputs()
    {
        var cell = run.Cell(29);
        Assert.Equal("Imported *markdown*", cell.Display("text/markdown"));
        Assert.Equal("imported cell ran\n", cell.Text());
    }

    [Fact]
    public void Sequences_of_scalars_render_as_the_kernels_plain_text_list()
    {
        var cell = run.Cell(31);
        Assert.Equal(["text/html"], cell.Displays()[0].Data.Select(d => d.Key));
        Assert.Equal("[ 1, 2, 3 ]", cell.Shown());
    }

    [Fact]
    public void Csharp_kernel_selectors_are_accepted()
    {
        Assert.Equal("c# selector\nC# selector\n", run.Cell(32).Text());
    }

    [Fact]
    public void A_trailing_Display_call_is_shown_once()
    {
        var display = Assert.Single(run.Cell(33).Outputs);
        Assert.Equal("42", run.Cell(33).Shown());
    }

    [Fact]
    public void A_child_process_writing_to_the_workers_stdout_does_not_disturb_the_run()
    {
        var cell = run.Cell(36);
        Assert.Equal(CellStatus.Passed, cell.Status);
        Assert.Equal([new StreamOutput("stdout", "after the child\n")], cell.Outputs);
    }

    [Fact]
    public void The_working_directory_is_the_notebook_folder()
    {
        Assert.Equal(Path.GetFileName(run.Folder), run.Cell(35).Shown());
    }

    /// <summary>The data of a cell whose only output is one display.</summary>
    private static KeyValuePair<string, string>[] SingleDisplay(CellRunResult cell) =>
        [.. Assert.IsType<DisplayOutput>(Assert.Single(cell.Outputs)).Data];
}

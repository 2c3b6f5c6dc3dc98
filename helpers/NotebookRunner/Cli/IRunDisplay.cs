using NotebookRunner.Testing;

namespace NotebookRunner.Cli;

/// <summary>Shows a run as it happens: notebooks starting, cells starting and ending, notebooks ending.</summary>
internal interface IRunDisplay
{
    /// <summary>A notebook starts with this many code cells.</summary>
    void NotebookStarted(string path, int codeCells);

    /// <summary>A cell started (called from the executor's threads).</summary>
    void CellStarted(string path, int cellNumber);

    /// <summary>A cell finished with this verdict (called from the executor's threads).</summary>
    void CellFinished(CellTestResult cell);

    /// <summary>A notebook finished with these verdicts.</summary>
    void NotebookFinished(NotebookTestResult result);

    /// <summary>Clears any live status before the final report is printed.</summary>
    void Complete();
}

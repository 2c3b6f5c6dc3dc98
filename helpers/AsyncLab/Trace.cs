namespace AsyncLab;

/// <summary>Records spans and marks of concurrent work. Placeholder: the implementation follows.</summary>
public sealed partial class Trace
{
}

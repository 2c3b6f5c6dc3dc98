using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace AsyncLab;

/// <summary>
/// Readable names for loop callbacks. An await continuation's delegate targets the async method's state-machine
/// box, whose type names the method (<c>&lt;Worker&gt;d__8</c> → <c>Worker</c>); names are cached per type.
/// </summary>
internal static partial class CallbackNames
{
    private static readonly ConcurrentDictionary<Type, string> s_cache = new();

    internal static string Of(Delegate callback, object? state)
    {
        var target = (state as Delegate)?.Target ?? state ?? callback.Target;
        if (target is null)
            return Demangle(callback.Method.Name);
        return s_cache.GetOrAdd(target.GetType(), NameOf);
    }

    private static string NameOf(Type type)
    {
        // AsyncStateMachineBox<TResult, TStateMachine>: the state machine is the last generic argument.
        var machine = type.IsGenericType ? type.GetGenericArguments()[^1] : type;
        return Demangle(machine.Name);
    }

    /// <summary><c>&lt;Worker&gt;d__8</c> → <c>Worker</c>; <c>&lt;&lt;Main&gt;b__0_0&gt;d</c> → <c>Main lambda</c>; <c>&lt;&lt;M&gt;g__Local|1_0&gt;d</c> → <c>Local</c>.</summary>
    internal static string Demangle(string name)
    {
        var local = LocalFunction().Match(name);
        if (local.Success)
            return local.Groups[1].Value;
        var method = Method().Match(name);
        if (!method.Success)
            return name;
        return name.Contains(">b__", StringComparison.Ordinal) ? method.Groups[1].Value + " lambda" : method.Groups[1].Value;
    }

    [GeneratedRegex(@"g__([^|]+)\|")]
    private static partial Regex LocalFunction();

    [GeneratedRegex(@"<([^<>]+)>")]
    private static partial Regex Method();
}

using System.Text;

namespace AsyncLab;

/// <summary>
/// Splits Python or C# source into keywords, strings, comments, numbers and the rest. Small on purpose: it knows the
/// string forms that matter for colouring (Python prefixes, triple quotes and f-string fields; C# verbatim, interpolated
/// and raw strings with their holes), so a quote or brace inside a string never derails the rest of the snippet.
/// </summary>
internal sealed class SyntaxHighlighter
{
    private static readonly HashSet<string> s_python =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    private static readonly HashSet<string> s_csharp =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long",
        "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected", "public",
        "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch",
        "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void",
        "volatile", "while",
        // Contextual keywords that read as keywords in the lessons' code.
        "async", "await", "var", "record", "init", "required", "when", "with", "yield", "nameof", "not", "and", "or", "get", "set",
        "dynamic", "partial", "global",
    ];

    /// <summary>Where code inside a string's interpolation hole stops.</summary>
    private enum Hole { None, Python, CSharp }

    private readonly string _text;
    private readonly CodeLanguage _language;
    private readonly List<Token> _tokens = [];
    private readonly StringBuilder _pending = new();
    private TokenKind _pendingKind;
    private int _pos;

    private SyntaxHighlighter(string text, CodeLanguage language)
    {
        _text = text;
        _language = language;
    }

    /// <summary>The tokens of <paramref name="source"/>, adjacent tokens of one kind merged.</summary>
    public static IReadOnlyList<Token> Tokenize(string source, CodeLanguage language)
    {
        var lexer = new SyntaxHighlighter(source, language);
        lexer.Code(Hole.None);
        lexer.Flush();
        return lexer._tokens;
    }

    private char At(int offset = 0) => _pos + offset is var i && i >= 0 && i < _text.Length ? _text[i] : '\0';

    /// <summary>Code up to the end, or for a hole up to its closing brace or format part at bracket depth 0.</summary>
    private void Code(Hole hole)
    {
        var depth = 0;
        while (_pos < _text.Length)
        {
            var c = At();
            if (depth == 0 && hole != Hole.None && (c == '}' || c == ':' || (hole == Hole.Python && c == '!' && At(1) != '=')))
                return;
            if (c is '(' or '[' or '{')
                depth++;
            else if (c is ')' or ']' or '}')
                depth = Math.Max(0, depth - 1);

            if (_language == CodeLanguage.Python ? PythonToken(c) : CSharpToken(c))
                continue;
            if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(1)) && At(-1) != '.'))   // .5, but not the 5 of 1..5
                Number();
            else if (char.IsLetter(c) || c == '_')
                Word();
            else
                Emit(TokenKind.Plain, _pos, 1);
        }
    }

    private bool PythonToken(char c)
    {
        if (c == '#')
        {
            Emit(TokenKind.Comment, _pos, LineEnd() - _pos);
            return true;
        }
        if (c is '"' or '\'')
        {
            PythonString(_pos, 0, formatted: false);
            return true;
        }
        var prefix = WordLength();
        if (prefix is 1 or 2 && At(prefix) is '"' or '\'' && _text.Substring(_pos, prefix).ToLowerInvariant() is var p
            && p is "r" or "u" or "b" or "f" or "t" or "br" or "rb" or "fr" or "rf" or "tr" or "rt")
        {
            PythonString(_pos, prefix, formatted: p.Contains('f') || p.Contains('t'));
            return true;
        }
        return false;
    }

    private void PythonString(int start, int prefix, bool formatted)
    {
        _pos = start + prefix;
        var quote = At();
        var closing = At(1) == quote && At(2) == quote ? new string(quote, 3) : quote.ToString();
        _pos += closing.Length;
        Emit(TokenKind.String, start, _pos - start);
        while (_pos < _text.Length)
        {
            if (_text.AsSpan(_pos).StartsWith(closing))
            {
                Emit(TokenKind.String, _pos, closing.Length);
                return;
            }
            if (At() == '\\')
                Emit(TokenKind.String, _pos, Math.Min(2, _text.Length - _pos));
            else if (At() == '\n' && closing.Length == 1)
                return;   // unterminated: colour up to the line end, not the rest of the snippet
            else if (formatted && At() is '{' or '}' && At(1) == At())
                Emit(TokenKind.String, _pos, 2);
            else if (formatted && At() == '{')
                Field(Hole.Python, closeBraces: 1);
            else
                Emit(TokenKind.String, _pos, 1);
        }
    }

    private bool CSharpToken(char c)
    {
        if (c == '/' && At(1) == '/')
        {
            Emit(TokenKind.Comment, _pos, LineEnd() - _pos);
            return true;
        }
        if (c == '/' && At(1) == '*')
        {
            var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
            Emit(TokenKind.Comment, _pos, (end < 0 ? _text.Length : end + 2) - _pos);
            return true;
        }
        if (c == '#' && AtLineStart())
        {
            // Preprocessor and notebook directives (#r, #load, #!time): the directive word reads as a keyword.
            var length = 1;
            while (_pos + length < _text.Length && (char.IsLetter(_text[_pos + length]) || _text[_pos + length] == '!'))
                length++;
            Emit(TokenKind.Keyword, _pos, length);
            return true;
        }
        if (c == '\'')
        {
            CharLiteral();
            return true;
        }
        if (c == '@' && (char.IsLetter(At(1)) || At(1) == '_'))
        {
            // @class is an identifier, not a keyword.
            Emit(TokenKind.Plain, _pos, 1 + WordLength(1));
            return true;
        }
        var dollars = 0;
        while (At(dollars) == '$')
            dollars++;
        var verbatim = At(dollars) == '@' || (dollars == 0 && c == '@' && At(1) == '$');
        if (dollars == 0 && verbatim && At(1) == '$')
            while (At(1 + dollars) == '$')
                dollars++;
        var quoteAt = dollars + (verbatim ? 1 : 0);
        if (At(quoteAt) != '"')
            return false;
        var start = _pos;
        _pos += quoteAt;
        var quotes = 0;
        while (At(quotes) == '"')
            quotes++;
        if (quotes >= 3 && !verbatim)
            RawString(start, quotes, dollars);
        else
            QuotedString(start, verbatim, interpolated: dollars > 0);
        if (At() == 'u' && At(1) == '8')
            Emit(TokenKind.String, _pos, 2);
        return true;
    }

    private void QuotedString(int start, bool verbatim, bool interpolated)
    {
        _pos++;
        Emit(TokenKind.String, start, _pos - start);
        while (_pos < _text.Length)
        {
            var c = At();
            if (c == '"' && verbatim && At(1) == '"')
                Emit(TokenKind.String, _pos, 2);
            else if (c == '"')
            {
                Emit(TokenKind.String, _pos, 1);
                return;
            }
            else if (c == '\\' && !verbatim)
                Emit(TokenKind.String, _pos, Math.Min(2, _text.Length - _pos));
            else if (c == '\n' && !verbatim)
                return;
            else if (interpolated && c is '{' or '}' && At(1) == c)
                Emit(TokenKind.String, _pos, 2);
            else if (interpolated && c == '{')
                Field(Hole.CSharp, closeBraces: 1);
            else
                Emit(TokenKind.String, _pos, 1);
        }
    }

    private void RawString(int start, int quotes, int dollars)
    {
        _pos += quotes;
        Emit(TokenKind.String, start, _pos - start);
        while (_pos < _text.Length)
        {
            var run = 0;
            while (At(run) == At() && At() is '"' or '{')
                run++;
            if (At() == '"' && run >= quotes)
            {
                Emit(TokenKind.String, _pos, run);
                return;
            }
            if (At() == '{' && dollars > 0 && run >= dollars)
            {
                // With $$, '{{' opens a hole and a single '{' is text; braces beyond the opening run are text too.
                Emit(TokenKind.String, _pos, run - dollars);
                Field(Hole.CSharp, closeBraces: dollars, openBraces: dollars);
            }
            else
                Emit(TokenKind.String, _pos, Math.Max(run, 1));
        }
    }

    /// <summary>An interpolation hole: the braces and conversion as plain text, the expression as code, the format as string.</summary>
    private void Field(Hole hole, int closeBraces, int openBraces = 1)
    {
        Emit(TokenKind.Plain, _pos, openBraces);
        Code(hole);
        if (hole == Hole.Python && At() == '!')
            Emit(TokenKind.Plain, _pos, Math.Min(2, _text.Length - _pos));
        if (At() == ':')
        {
            // The format part: text, where Python may nest further fields ({x:{width}}).
            while (_pos < _text.Length && At() != '}' && At() != '\n')
            {
                if (hole == Hole.Python && At() == '{')
                    Field(hole, 1);
                else
                    Emit(TokenKind.String, _pos, 1);
            }
        }
        var braces = 0;
        while (braces < closeBraces && At() == '}')
            braces++;
        Emit(TokenKind.Plain, _pos, braces);
    }

    private void CharLiteral()
    {
        var length = 1;
        while (_pos + length < _text.Length && _text[_pos + length] is not '\'' and not '\n')
            length += _text[_pos + length] == '\\' ? 2 : 1;
        Emit(TokenKind.String, _pos, Math.Min(length + 1, _text.Length - _pos));
    }

    private void Number()
    {
        var length = 0;
        if (At() == '0' && char.ToLowerInvariant(At(1)) is 'x' or 'b' or 'o')
            length = 2;
        while (char.IsAsciiLetterOrDigit(At(length)) || At(length) == '_'
               || (At(length) == '.' && char.IsAsciiDigit(At(length + 1)))
               || (length > 0 && At(length) is '+' or '-' && char.ToLowerInvariant(At(length - 1)) == 'e' && !IsHex(length)))
            length++;
        Emit(TokenKind.Number, _pos, length);
    }

    private bool IsHex(int length) => length >= 2 && char.ToLowerInvariant(At(1)) == 'x';

    private void Word()
    {
        var length = WordLength();
        var word = _text.Substring(_pos, length);
        Emit((_language == CodeLanguage.Python ? s_python : s_csharp).Contains(word) ? TokenKind.Keyword : TokenKind.Plain, _pos, length);
    }

    private int WordLength(int from = 0)
    {
        var length = from;
        while (char.IsLetterOrDigit(At(length)) || At(length) == '_')
            length++;
        return length - from;
    }

    private int LineEnd()
    {
        var end = _text.IndexOf('\n', _pos);
        return end < 0 ? _text.Length : end;
    }

    private bool AtLineStart()
    {
        for (var i = _pos - 1; i >= 0 && _text[i] != '\n'; i--)
            if (!char.IsWhiteSpace(_text[i]))
                return false;
        return true;
    }

    /// <summary>Consumes <paramref name="length"/> characters from <paramref name="start"/> as one kind.</summary>
    private void Emit(TokenKind kind, int start, int length)
    {
        if (length <= 0)
            return;
        if (kind != _pendingKind)
            Flush();
        _pendingKind = kind;
        _pending.Append(_text, start, length);
        _pos = start + length;
    }

    private void Flush()
    {
        if (_pending.Length > 0)
            _tokens.Add(new Token(_pendingKind, _pending.ToString()));
        _pending.Clear();
    }
}

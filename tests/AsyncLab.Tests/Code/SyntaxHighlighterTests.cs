using AsyncLab;

namespace AsyncLab.Tests.Code;

public class SyntaxHighlighterTests
{
    private static string Kinds(string source, CodeLanguage language)
    {
        var tokens = SyntaxHighlighter.Tokenize(source, language);
        Assert.Equal(source, string.Concat(tokens.Select(t => t.Text)));   // nothing lost, nothing added
        return string.Join(" ", tokens.Where(t => t.Kind != TokenKind.Plain || t.Text.Trim().Length > 0)
                                      .Select(t => $"{t.Kind.ToString()[0]}[{t.Text.Trim()}]"));
    }

    [Theory]
    [InlineData("async def f():  # wait\n    await asyncio.sleep(0.5)",
                "K[async] K[def] P[f():] C[# wait] K[await] P[asyncio.sleep(] N[0.5] P[)]")]
    [InlineData("s = '#not a comment' + \"it's\"", "P[s =] S['#not a comment'] P[+] S[\"it's\"]")]
    [InlineData("x = \"\"\"a \"quoted\" \n word\"\"\" if y else rb'\\x00'", "P[x =] S[\"\"\"a \"quoted\" \n word\"\"\"] K[if] P[y] K[else] S[rb'\\x00']")]
    [InlineData("f\"{url!r:>{width}} took {t:.2f} s {{literal}}\"",
                "S[f\"] P[{url!r] S[:>] P[{width}}] S[took] P[{t] S[:.2f] P[}] S[s {{literal}}\"]")]
    [InlineData("f'{d[\"key\"]} {a != b}'", "S[f'] P[{d[] S[\"key\"] P[]}] S[] P[{a != b}] S[']")]
    [InlineData("n = 1_000 + 0x1F + 1.5e-3 + 2j", "P[n =] N[1_000] P[+] N[0x1F] P[+] N[1.5e-3] P[+] N[2j]")]
    [InlineData("print(None, True)  # ok", "P[print(] K[None] P[,] K[True] P[)] C[# ok]")]
    public void Python_tokens(string source, string expected) => Assert.Equal(expected, Kinds(source, CodeLanguage.Python));

    [Theory]
    [InlineData("await Task.Delay(1_000); // \"no string\"", "K[await] P[Task.Delay(] N[1_000] P[);] C[// \"no string\"]")]
    [InlineData("var s = $\"{a:0.00} {{b}} {(x ? 1 : 2)}\";",
                "K[var] P[s =] S[$\"] P[{a] S[:0.00] P[}] S[{{b}}] P[{(x ?] N[1] P[:] N[2] P[)}] S[\"] P[;]")]
    [InlineData("var p = @\"C:\\dir\"\" \";", "K[var] P[p =] S[@\"C:\\dir\"\" \"] P[;]")]
    [InlineData("var r = $$\"\"\"{ \"json\": {{n}} }\"\"\";", "K[var] P[r =] S[$$\"\"\"{ \"json\":] P[{{n}}] S[}\"\"\"] P[;]")]
    [InlineData("var r = \"\"\"\n  say \"\"hi\"\"\n  \"\"\";", "K[var] P[r =] S[\"\"\"\n  say \"\"hi\"\"\n  \"\"\"] P[;]")]
    [InlineData("char q = '\"'; /* a \"b\" */ int @class = 0m;", "K[char] P[q =] S['\"'] P[;] C[/* a \"b\" */] K[int] P[@class =] N[0m] P[;]")]
    [InlineData("#r \"nuget: Nito.AsyncEx.Context, 5.1.2\"", "K[#r] S[\"nuget: Nito.AsyncEx.Context, 5.1.2\"]")]
    [InlineData("var u = \"abc\"u8; x = 1..5;", "K[var] P[u =] S[\"abc\"u8] P[; x =] N[1] P[..] N[5] P[;]")]
    public void CSharp_tokens(string source, string expected) => Assert.Equal(expected, Kinds(source, CodeLanguage.CSharp));

    [Theory]
    [InlineData("s = 'unterminated\nnext = 1", CodeLanguage.Python)]
    [InlineData("f\"{x", CodeLanguage.Python)]
    [InlineData("var s = \"unterminated\nvar next = 1;", CodeLanguage.CSharp)]
    [InlineData("$\"{x", CodeLanguage.CSharp)]
    [InlineData("$$\"\"\"{{", CodeLanguage.CSharp)]
    [InlineData("/* open", CodeLanguage.CSharp)]
    [InlineData("'", CodeLanguage.CSharp)]
    [InlineData("}}} )) ]]", CodeLanguage.CSharp)]
    public void Broken_code_still_round_trips(string source, CodeLanguage language) => Kinds(source, language);
}

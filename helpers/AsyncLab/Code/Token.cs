namespace AsyncLab;

/// <summary>What a piece of source is, for colouring it.</summary>
internal enum TokenKind
{
    Plain,
    Keyword,
    String,
    Comment,
    Number,
}

/// <summary>A run of source text of one kind; concatenating a source's tokens gives the source back.</summary>
internal readonly record struct Token(TokenKind Kind, string Text);

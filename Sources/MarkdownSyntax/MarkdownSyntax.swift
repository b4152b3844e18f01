// placeholder, replaced by the MarkdownSyntax implementation

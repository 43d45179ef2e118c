using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Settlements;

/// <summary>A party's report on the settlement as anyone reads it, with the other party's answer once given.</summary>
public sealed record ReportView(int Id, PartyRole Role, string AuthorName, ReportVerdict Verdict, string Source, string Html,
    DateTime CreatedAt, string? AnswerSource, string? AnswerHtml, DateTime? AnsweredAt);

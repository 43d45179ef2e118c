using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Deliberation;

public enum PartyAnswer
{
    Undecided,
    Accepts,
    Declines,
}

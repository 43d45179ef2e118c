using ConflictForum.Features.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Disputes;

public enum PartyRole
{
    Claimant,
    Respondent,
}

using System.ComponentModel.DataAnnotations;
using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace ConflictForum.Platform;

public enum WriteAction
{
    Dispute,
    Reply,
    Comment,
    Vote,
    Resolution,
    Flag,
    Invitation,
    Statement,
    Answer,
}

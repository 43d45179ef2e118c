using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace ConflictForum.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

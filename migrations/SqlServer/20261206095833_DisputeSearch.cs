using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictForum.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DisputeSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DisputeSearchTexts",
                columns: table => new
                {
                    DisputeId = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisputeSearchTexts", x => x.DisputeId);
                    table.ForeignKey(
                        name: "FK_DisputeSearchTexts_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The full-text index over the documents, which SQL Server keeps current as they change (change tracking AUTO).
            // Full-text statements cannot run inside a transaction.
            migrationBuilder.Sql(
                "IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'ConflictForumSearch') "
                    + "CREATE FULLTEXT CATALOG ConflictForumSearch;",
                suppressTransaction: true);
            migrationBuilder.Sql(
                "CREATE FULLTEXT INDEX ON DisputeSearchTexts(Text LANGUAGE 1033) KEY INDEX PK_DisputeSearchTexts "
                    + "ON ConflictForumSearch WITH CHANGE_TRACKING AUTO;",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON DisputeSearchTexts;", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT CATALOG ConflictForumSearch;", suppressTransaction: true);
            migrationBuilder.DropTable(
                name: "DisputeSearchTexts");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictForum.Migrations.Sqlite
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
                    DisputeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
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

            // The full-text index over the documents, kept current by the database on every insert, update and delete
            // (an external-content FTS5 table: the text is stored once, in DisputeSearchTexts). Porter stemming, so
            // "refunds" finds "refund"; diacritics ignored, so "cafe" finds "café".
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE DisputeSearch USING fts5(Text, content='DisputeSearchTexts', content_rowid='DisputeId',
                    tokenize='porter unicode61 remove_diacritics 2');
                CREATE TRIGGER DisputeSearchTexts_Inserted AFTER INSERT ON DisputeSearchTexts BEGIN
                    INSERT INTO DisputeSearch(rowid, Text) VALUES (new.DisputeId, new.Text);
                END;
                CREATE TRIGGER DisputeSearchTexts_Deleted AFTER DELETE ON DisputeSearchTexts BEGIN
                    INSERT INTO DisputeSearch(DisputeSearch, rowid, Text) VALUES ('delete', old.DisputeId, old.Text);
                END;
                CREATE TRIGGER DisputeSearchTexts_Updated AFTER UPDATE ON DisputeSearchTexts BEGIN
                    INSERT INTO DisputeSearch(DisputeSearch, rowid, Text) VALUES ('delete', old.DisputeId, old.Text);
                    INSERT INTO DisputeSearch(rowid, Text) VALUES (new.DisputeId, new.Text);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER DisputeSearchTexts_Updated;
                DROP TRIGGER DisputeSearchTexts_Deleted;
                DROP TRIGGER DisputeSearchTexts_Inserted;
                DROP TABLE DisputeSearch;
                """);
            migrationBuilder.DropTable(
                name: "DisputeSearchTexts");
        }
    }
}

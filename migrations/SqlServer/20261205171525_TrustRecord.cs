using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictForum.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TrustRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "TimelineEntries",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "TimelineHead",
                table: "Disputes",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimelineLength",
                table: "Disputes",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Html",
                table: "CommentRevision",
                type: "nvarchar(max)",
                nullable: true);

            // Entries already written keep verifying: the anchor starts where each chain ends now, and an entry counts in
            // the daily digest on the day it happened.
            migrationBuilder.Sql("UPDATE TimelineEntries SET RecordedAt = At;");
            migrationBuilder.Sql(
                "UPDATE Disputes SET " +
                "TimelineLength = COALESCE((SELECT MAX(t.Sequence) FROM TimelineEntries t WHERE t.DisputeId = Disputes.Id), 0), " +
                "TimelineHead = (SELECT t.Hash FROM TimelineEntries t WHERE t.DisputeId = Disputes.Id " +
                "AND t.Sequence = (SELECT MAX(u.Sequence) FROM TimelineEntries u WHERE u.DisputeId = Disputes.Id));");

            migrationBuilder.CreateTable(
                name: "WriteGates",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Writes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WriteGates", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_RecordedAt",
                table: "TimelineEntries",
                column: "RecordedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WriteGates");

            migrationBuilder.DropIndex(
                name: "IX_TimelineEntries_RecordedAt",
                table: "TimelineEntries");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "TimelineEntries");

            migrationBuilder.DropColumn(
                name: "TimelineHead",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "TimelineLength",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "Html",
                table: "CommentRevision");
        }
    }
}

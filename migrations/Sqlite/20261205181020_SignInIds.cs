using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictForum.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignInIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EndedSignIns",
                columns: table => new
                {
                    SignInId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EndedSignIns", x => x.SignInId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EndedSignIns_EndedAt",
                table: "EndedSignIns",
                column: "EndedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EndedSignIns");
        }
    }
}

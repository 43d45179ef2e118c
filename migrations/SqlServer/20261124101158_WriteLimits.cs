using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictForum.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WriteLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WriteEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WriteEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WriteEvents_UserId_Action_At",
                table: "WriteEvents",
                columns: new[] { "UserId", "Action", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WriteEvents");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictForum.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MailAttempts",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MailClaim",
                table: "Notifications",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MailClaimedUntil",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MailDueAt",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MailKey",
                table: "Notifications",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MailedAt",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MailOptOuts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailOptOuts", x => new { x.UserId, x.Topic });
                    table.ForeignKey(
                        name: "FK_MailOptOuts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_MailedAt_MailDueAt",
                table: "Notifications",
                columns: new[] { "MailedAt", "MailDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailOptOuts");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_MailedAt_MailDueAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "MailAttempts",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "MailClaim",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "MailClaimedUntil",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "MailDueAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "MailKey",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "MailedAt",
                table: "Notifications");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictForum.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NotificationSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_DisputeId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientId_DisputeId_Sequence",
                table: "Notifications");

            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "Notifications",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AddColumn<bool>(
                name: "InDigest",
                table: "Notifications",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Reminder",
                table: "Notifications",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "Notifications",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Disputes");

            migrationBuilder.CreateTable(
                name: "NotificationSettings",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Topic = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Delivery = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationSettings", x => new { x.UserId, x.Topic });
                    table.ForeignKey(
                        name: "FK_NotificationSettings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Who unsubscribed from mail about their disputes keeps hearing of them in the forum only.
            migrationBuilder.Sql(
                "INSERT INTO NotificationSettings (UserId, Topic, Delivery, At) SELECT UserId, 'Disputes', 'Forum', At FROM MailOptOuts");
            // Rows written before topics: a follower's is one of these kinds told to someone who is not the dispute's party or
            // mediator; the rest were told to parties and authors (the default).
            migrationBuilder.Sql("UPDATE Notifications SET Topic = 'Following' "
                + "WHERE Kind IN ('StatementPosted', 'ResolutionProposed', 'Settled', 'VerdictFrozen') AND NOT EXISTS ("
                + "SELECT 1 FROM Disputes d WHERE d.Id = Notifications.DisputeId AND (d.ClaimantId = Notifications.RecipientId "
                + "OR d.RespondentId = Notifications.RecipientId OR d.MediatorId = Notifications.RecipientId))");

            migrationBuilder.DropTable(
                name: "MailOptOuts");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DisputeId_Sequence_Reminder",
                table: "Notifications",
                columns: new[] { "DisputeId", "Sequence", "Reminder" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientId_DisputeId_Sequence_Reminder",
                table: "Notifications",
                columns: new[] { "RecipientId", "DisputeId", "Sequence", "Reminder" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationSettings");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_DisputeId_Sequence_Reminder",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientId_DisputeId_Sequence_Reminder",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "InDigest",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Reminder",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "Notifications");

            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "Notifications",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "MailOptOuts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Topic = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                name: "IX_Notifications_DisputeId",
                table: "Notifications",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientId_DisputeId_Sequence",
                table: "Notifications",
                columns: new[] { "RecipientId", "DisputeId", "Sequence" },
                unique: true);
        }
    }
}

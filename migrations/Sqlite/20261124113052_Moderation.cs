using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictForum.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Moderation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CommentsLocked",
                table: "Disputes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "SuspendedUntil",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Flags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    DisputeId = table.Column<int>(type: "INTEGER", nullable: false),
                    FlaggerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Flags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Flags_AspNetUsers_FlaggerId",
                        column: x => x.FlaggerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Flags_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModeratedItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    DisputeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OpenFlags = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitingSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HiddenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HiddenById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    HiddenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AppealNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AppealedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AppealDecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModeratedItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModeratedItems_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModeratedItems_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModerationLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModeratorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ModeratorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    DisputeId = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    TargetName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationLog", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Flags_DisputeId",
                table: "Flags",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_Flags_FlaggerId",
                table: "Flags",
                column: "FlaggerId");

            migrationBuilder.CreateIndex(
                name: "IX_Flags_Kind_ItemId_FlaggerId",
                table: "Flags",
                columns: new[] { "Kind", "ItemId", "FlaggerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModeratedItems_AuthorId",
                table: "ModeratedItems",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ModeratedItems_DisputeId_Kind",
                table: "ModeratedItems",
                columns: new[] { "DisputeId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_ModeratedItems_Kind_ItemId",
                table: "ModeratedItems",
                columns: new[] { "Kind", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModeratedItems_OpenFlags_WaitingSince",
                table: "ModeratedItems",
                columns: new[] { "OpenFlags", "WaitingSince" });

            migrationBuilder.CreateIndex(
                name: "IX_ModerationLog_At",
                table: "ModerationLog",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Flags");

            migrationBuilder.DropTable(
                name: "ModeratedItems");

            migrationBuilder.DropTable(
                name: "ModerationLog");

            migrationBuilder.DropColumn(
                name: "CommentsLocked",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "SuspendedUntil",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "AspNetUsers");
        }
    }
}

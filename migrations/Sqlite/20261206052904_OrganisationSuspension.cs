using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictForum.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrganisationSuspension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SuspendedAt",
                table: "Organisations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "Organisations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "Organisations");
        }
    }
}

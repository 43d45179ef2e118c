using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictForum.Migrations.SqlServer
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
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "Organisations",
                type: "nvarchar(500)",
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictForum.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisputeRespondentOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RespondentOrganisationId",
                table: "Disputes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_RespondentOrganisationId",
                table: "Disputes",
                column: "RespondentOrganisationId");

            migrationBuilder.AddForeignKey(
                name: "FK_Disputes_Organisations_RespondentOrganisationId",
                table: "Disputes",
                column: "RespondentOrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Disputes_Organisations_RespondentOrganisationId",
                table: "Disputes");

            migrationBuilder.DropIndex(
                name: "IX_Disputes_RespondentOrganisationId",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "RespondentOrganisationId",
                table: "Disputes");
        }
    }
}

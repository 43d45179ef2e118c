namespace ConflictForum.Features.Organisations;

public static class OrganisationsSetup
{
    public static WebApplicationBuilder AddForumOrganisations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrganisationService>();
        builder.Services.AddScoped<OrganisationQueries>();
        builder.Services.AddSingleton<OrganisationTokens>();
        return builder;
    }
}

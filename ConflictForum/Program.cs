using ConflictForum;
using ConflictForum.Components;
using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Live;
using ConflictForum.Features.Mediations;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Notifications;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Record;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.Timeline;
using ConflictForum.Features.TrackRecords;
using ConflictForum.Platform;
using ConflictForum.Platform.Email;

var commands = StartupCommands.Parse(args);
var builder = WebApplication.CreateBuilder(commands.HostArgs);

builder.AddForumDatabase();
builder.AddForumEmail();
builder.AddForumAccounts();
builder.Services.AddForumPlatform();
builder.AddForumTimeline();
builder.AddForumDisputes();
builder.AddForumDeliberation();
builder.AddForumSettlements();
builder.AddForumMediation();
builder.AddForumOrganisations();
builder.AddForumTrackRecords();
builder.AddForumNotifications();
builder.AddForumMyDisputes();
builder.AddForumModeration();
builder.AddForumRecord();
builder.AddForumLive();
builder.AddForumShell();

var app = builder.Build();

if (await commands.RunAsync(app) is { } exitCode) return exitCode;

app.UseForumShell();
app.MapAccountEndpoints();
app.MapDisputeApi();
app.MapNotificationStream();
app.MapUnsubscribe();
app.MapRecordDigest();
app.MapCrisisReportCsv();
app.MapForumLive();

await app.RunAsync();
return 0;

public partial class Program;

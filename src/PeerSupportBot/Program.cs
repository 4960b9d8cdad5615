using PeerSupportBot;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Matching;
using PeerSupportBot.Observability;
using PeerSupportBot.Outbox;
using PeerSupportBot.Storage;
using PeerSupportBot.Welcome;

var builder = WebApplication.CreateBuilder(args);

builder.UseDefaultUrlUnlessConfigured();
builder.Logging.AddStructuredConsole();
builder.AddObservability();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddLocalization();
builder.Services.AddBotFramework<PeerSupportActivityHandler>();
builder.Services.AddTableStorage();
builder.Services.AddOutbox();
builder.Services.AddContacts();
builder.Services.AddWelcome();
builder.Services.AddCohorts();
builder.Services.AddConsent();
builder.Services.AddMatching();
builder.Services.AddAsking();
builder.Services.AddHelpRequests();

var app = builder.Build();

app.MapBotMessages();
app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthReportWriter.WriteAsync });

app.Run();

/// <summary>The app's entry point, visible to the integration tests' host.</summary>
public partial class Program;

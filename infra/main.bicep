// Everything PeerSupportBot runs on, in one resource group:
//   a user-assigned managed identity that is both the bot's identity (UserAssignedMSI) and the app's
//   storage identity, so no password or key exists anywhere;
//   a storage account for the tables, reachable only with Entra tokens;
//   a Linux App Service on .NET 10 that hosts POST /api/messages;
//   the Azure Bot resource with its Teams channel;
//   Application Insights on a Log Analytics workspace.
// Deploy: az deployment group create --resource-group <rg> --template-file infra/main.bicep --parameters infra/main.bicepparam

targetScope = 'resourceGroup'

@description('Short lowercase name the resource names start with, e.g. vertaistuki.')
@minLength(3)
@maxLength(12)
param baseName string

@description('Azure region for everything except the bot, which is global.')
param location string = resourceGroup().location

@description('The bot\'s display name in the Azure portal (users see the Teams app\'s name instead).')
@maxLength(42)
param botDisplayName string = 'Vertaistuki'

@description('App Service plan SKU. Always On needs Basic (B1) or higher.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Azure Bot SKU: F0 is free for the standard channels, Teams included.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('How many days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags put on every resource.')
param tags tagSet = {}

@description('The Teams app\'s id (TEAMS_APP_ID from the Agents Toolkit), put on the web app and the bot as the tag teams-app-id, so an admin can tell which Teams app they serve. Empty: no such tag.')
param teamsAppId string = ''

@description('Resource tags: names to string values.')
type tagSet = {
  *: string
}

var servingTags = empty(teamsAppId) ? tags : union(tags, { 'teams-app-id': teamsAppId })

// Names are unique per resource group, so a second deployment to the same group updates in place.
var suffix = uniqueString(resourceGroup().id)
var storageAccountName = take('st${toLower(replace(baseName, '-', ''))}${suffix}', 24)
var webAppName = 'app-${baseName}-${suffix}'
var botName = 'bot-${baseName}-${suffix}'

// Built-in role "Storage Table Data Contributor": read, write and delete tables and entities.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${baseName}-${suffix}'
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Keys and SAS tokens stop working: only Entra identities with a role get in.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    accessTier: 'Hot'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'PeerSupportBot reads and writes its tables as this identity.'
  }
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: 'log-${baseName}-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    IngestionMode: 'LogAnalytics'
  }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'asp-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2025-03-01' = {
  name: webAppName
  location: location
  tags: servingTags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // The bot authenticates as the managed identity: no app password exists.
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        // Tables through the same identity; "__" is ":" in configuration keys on Linux.
        {
          name: 'Storage__TableEndpoint'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'Storage__ManagedIdentityClientId'
          value: identity.properties.clientId
        }
        // Lets telemetry be sent, not read; not a secret in the strict sense.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
      ]
    }
  }
  // Start the app only once it may read its tables, so its first requests do not fail on storage.
  dependsOn: [
    tableDataContributor
  ]
}

// Deployment (zip deploy) and FTP accept Entra sign-in only, never basic-auth publishing credentials.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource webAppLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: servingTags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// The Agents Toolkit's arm/deploy writes each output into env/.env.<name> under its name in
// capitals, so the outputs the later steps and the manifest read carry the toolkit's names.

@description('Host name of the web app (BOT_DOMAIN): the manifest\'s validDomains.')
output BOT_DOMAIN string = webApp.properties.defaultHostName

@description('The bot\'s Microsoft App ID, the managed identity\'s client id (BOT_ID): the manifest\'s botId.')
output BOT_ID string = identity.properties.clientId

@description('Resource id of the web app (BOT_AZURE_APP_SERVICE_RESOURCE_ID): where atk deploy zip-deploys.')
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id

@description('Name of the web app, for az webapp deploy.')
output webAppName string = webApp.name

@description('The table endpoint the app reads through the managed identity.')
output storageTableEndpoint string = storage.properties.primaryEndpoints.table

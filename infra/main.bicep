// Everything PeerSupportBot runs on, in one resource group:
//   a user-assigned managed identity that is both the bot's identity (UserAssignedMSI) and the app's
//   storage identity, so no password or key exists anywhere;
//   a storage account for the tables and the outbox queue, reachable only with Entra tokens;
//   a Key Vault (RBAC only) holding the one secret there is: the key that encrypts the problem text
//   while it waits in the outbox queue, so that storage never holds both the text and its key;
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

@description('''Write a new random outbox text key (a new secret version) in this deployment. Leave it true for the
first deployment. On later ones, false keeps the current key: a new key makes texts still waiting
in the outbox queue unreadable (docs/deploy.md, "Rotating the outbox text key").''')
param newOutboxTextKey bool = true

// Two GUIDs: about 244 random bits. The app stretches the string into its AES key with HKDF, so any
// long random string serves; a fresh value per deployment is why newOutboxTextKey exists.
@description('The outbox text key written to Key Vault when newOutboxTextKey is true. Leave it to its random default.')
@secure()
@minLength(32)
param outboxTextKey string = '${newGuid()}${newGuid()}'

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
// Vault names are global, 3-24 letters, digits and single hyphens: built like the storage name.
var keyVaultName = take('kv${toLower(replace(baseName, '-', ''))}${suffix}', 24)

// The app's queue is "{Storage:TablePrefix lowercased}outbox"; the app's default prefix is empty.
var outboxQueueName = 'outbox'
var outboxTextKeySecretName = 'outbox-text-key'

// Built-in role "Storage Table Data Contributor": read, write and delete tables and entities.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
// Built-in role "Storage Queue Data Contributor": read, write and delete queues and their messages.
var storageQueueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

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

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

// Every proactive post waits here until the app's outbox worker delivers it. Messages carry ids,
// and at most one problem text, encrypted with a key that storage never holds.
resource outboxQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = {
  parent: queueService
  name: outboxQueueName
}

// On the account, like the table role, so a deployment that sets Storage__TablePrefix (and so a
// differently named queue) still works.
resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageQueueDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'PeerSupportBot sends and receives its outbox queue messages as this identity.'
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Azure RBAC decides who reads secrets; access policies are off.
    enableRbacAuthorization: true
    // A deleted vault or secret can be recovered for 90 days and cannot be purged before: the key
    // cannot be destroyed by mistake while texts encrypted with it are still queued.
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    // App Service resolves Key Vault references over the public endpoint unless the app is in a
    // virtual network; the vault still admits only Entra identities holding a role.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}

// Written only when asked: each write is a new version of the secret.
resource outboxTextKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (newOutboxTextKey) {
  parent: keyVault
  name: outboxTextKeySecretName
  properties: {
    value: outboxTextKey
    contentType: 'Outbox text key: the app derives its AES key from this string with HKDF'
    attributes: {
      enabled: true
    }
  }
}

// The version already there, when this deployment writes none. A deployment with
// newOutboxTextKey=false before any key exists fails here instead of starting the app without one.
resource currentOutboxTextKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' existing = if (!newOutboxTextKey) {
  parent: keyVault
  name: outboxTextKeySecretName
}

// Pinned to one version: a new key changes the app setting, which restarts every instance on the new
// key at once. Unversioned, App Service would switch each instance on its own within 24 hours, and
// for that time one instance could not read what another had encrypted.
var outboxTextKeySecretUri = newOutboxTextKey
  ? outboxTextKeySecret!.properties.secretUriWithVersion
  : currentOutboxTextKeySecret!.properties.secretUriWithVersion

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'App Service reads the outbox text key as this identity (a Key Vault reference).'
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
    // Key Vault references resolve as the user-assigned identity (the default would be a system one).
    keyVaultReferenceIdentity: identity.id
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
          name: 'Storage__QueueEndpoint'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'Storage__ManagedIdentityClientId'
          value: identity.properties.clientId
        }
        // A Key Vault reference, never the key itself: App Service resolves it with the identity above.
        {
          name: 'Outbox__TextKey'
          value: '@Microsoft.KeyVault(SecretUri=${outboxTextKeySecretUri})'
        }
        // Lets telemetry be sent, not read; not a secret in the strict sense.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
      ]
    }
  }
  // Start the app only once it may read its tables and queue and its key exists and is readable,
  // so its first requests do not fail on storage or on an unresolved Key Vault reference.
  dependsOn: [
    tableDataContributor
    queueDataContributor
    outboxQueue
    secretsUser
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

// Who read or changed the key, in the same workspace as the app's logs.
resource keyVaultAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: keyVault
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        categoryGroup: 'audit'
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

@description('The queue endpoint the app reads through the managed identity.')
output storageQueueEndpoint string = storage.properties.primaryEndpoints.queue

@description('Name of the Key Vault holding the outbox text key, for az keyvault secret commands.')
output keyVaultName string = keyVault.name

// Social Media Guidance bot, for a Protected B deployment in a departmental subscription:
// - private by default: App Service integrated into a virtual network; PostgreSQL Flexible Server and Key
//   Vault with public network access disabled, reached through private endpoints and private DNS zones;
// - identities, not passwords: one user-assigned managed identity signs the bot in to the Bot Framework
//   (UserAssignedMSI), into PostgreSQL (Entra token, least-privilege role) and into Application Insights;
// - Canada only: every regional resource takes `location`, limited to Canada Central and Canada East;
// - observable without personal data: workspace-based Application Insights (src/platform/telemetry).
// Deployed by m365agents.yml (arm/deploy) with infra/main.parameters.json, or by an IT team with the Azure CLI
// (README, "Production"):
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.local.json
targetScope = 'resourceGroup'

@description('Prefix of every resource name (lowercase letters and digits).')
@minLength(3)
@maxLength(16)
param resourceBaseName string

// Protected B: data stays in Canada. Every regional resource (and module) takes this value.
@description('Region of every regional resource: Canada Central or Canada East only.')
@allowed(['canadacentral', 'canadaeast'])
param location string = 'canadacentral'

// ---- bot identity ----
@description('UserAssignedMSI (default, no secret) or ClientSecret (documented alternative, where the tenant does not allow the first).')
@allowed(['UserAssignedMSI', 'ClientSecret'])
param botAuth string = 'UserAssignedMSI'

@description('ClientSecret only: client id of the bot\'s single-tenant Entra app.')
param botAppId string = ''

@description('ClientSecret only: its client secret, stored in Key Vault only.')
@secure()
param botAppPassword string = ''

param botDisplayName string = 'Social Media Guidance'

@allowed(['F0', 'S1'])
param botSku string = 'S1'

@description('Client id of the tabs\' single sign-on app registration (aadApp/create in m365agents.yml).')
param tabSsoAppId string

// ---- hosting ----
@description('App Service plan SKU: P0v3 or larger keeps two warm instances (B1 for a test environment).')
param appServiceSku string = 'P0v3'

@minValue(1)
param instanceCount int = 2

@description('V8 old-space cap in MB (NODE_OPTIONS). See README, "Production".')
param nodeMaxOldSpaceMb int = 384

// ---- network ----
param vnetAddressPrefix string = '10.40.0.0/22'
param appSubnetPrefix string = '10.40.0.0/26'
param privateEndpointSubnetPrefix string = '10.40.1.0/27'

@description('TRIAL ONLY, never in production: enables public network access on PostgreSQL and Key Vault, open to trialClientIp alone (a firewall rule for one address, never 0.0.0.0). Off by default.')
param allowPublicNetworkAccess bool = false

@description('TRIAL ONLY: the one public IPv4 address allowed when allowPublicNetworkAccess is true.')
param trialClientIp string = ''

// ---- database ----
@description('Object id of the PostgreSQL Microsoft Entra administrator (a group of the IT team).')
param postgresEntraAdminObjectId string

@description('Display name of that administrator (also its PostgreSQL role name).')
param postgresEntraAdminName string

@allowed(['Group', 'User', 'ServicePrincipal'])
param postgresEntraAdminType string = 'Group'

param postgresSku string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'Burstable'

param postgresVersion string = '16'
param postgresStorageGb int = 32
param postgresDatabaseName string = 'smg'

@description('Backups also in the paired region (Canada Central and Canada East are each other\'s pair).')
@allowed(['Enabled', 'Disabled'])
param postgresGeoRedundantBackup string = 'Disabled'

// ---- monitoring ----
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

// ---- application settings (README, "Configuration") ----
@description('Comma-separated tenant GUIDs allowed to use the bot; your tenant in production.')
param allowedTenantIds string = tenant().tenantId

@allowed(['en', 'fr'])
param defaultLanguage string = 'en'

@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

param bodyLimitKb int = 256
param pgPoolMax int = 10
param recordRetentionDays int = 90
param caseRetentionDays int = 730
param officeContactEn string = ''
param officeContactFr string = ''
param officeAdminIds string = ''
@description('The Teams app id (the package\'s): case cards link to the case on the board tab. Empty: no link.')
param teamsAppId string = ''
param veTeamId string = ''
param veChannelId string = ''
param ombudTeamId string = ''
param ombudChannelId string = ''
param caseOutboxPollSeconds int = 30

param tags object = { app: 'social-media-guidance-bot' }

// Unique per resource group, so two environments in one subscription never collide (bot names are global).
var suffix = uniqueString(resourceGroup().id)
var siteName = '${resourceBaseName}-${suffix}'
var keyVaultName = take('${resourceBaseName}kv${suffix}', 24)
var postgresName = '${resourceBaseName}-pg-${suffix}'
var identityName = '${resourceBaseName}-id-${suffix}'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    location: location
    namePrefix: resourceBaseName
    suffix: suffix
    vnetAddressPrefix: vnetAddressPrefix
    appSubnetPrefix: appSubnetPrefix
    privateEndpointSubnetPrefix: privateEndpointSubnetPrefix
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: resourceBaseName
    suffix: suffix
    tags: tags
    retentionDays: logRetentionDays
    publisherPrincipalId: identity.properties.principalId
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: keyVaultName
    tags: tags
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    privateDnsZoneId: network.outputs.keyVaultDnsZoneId
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    readerPrincipalId: identity.properties.principalId
    allowPublicNetworkAccess: allowPublicNetworkAccess
    trialClientIp: trialClientIp
    storeBotPassword: botAuth == 'ClientSecret'
    botAppPassword: botAppPassword
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    name: postgresName
    tags: tags
    skuName: postgresSku
    tier: postgresTier
    version: postgresVersion
    storageGb: postgresStorageGb
    databaseName: postgresDatabaseName
    geoRedundantBackup: postgresGeoRedundantBackup
    entraAdminObjectId: postgresEntraAdminObjectId
    entraAdminName: postgresEntraAdminName
    entraAdminType: postgresEntraAdminType
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    privateDnsZoneId: network.outputs.postgresDnsZoneId
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    allowPublicNetworkAccess: allowPublicNetworkAccess
    trialClientIp: trialClientIp
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    location: location
    siteName: siteName
    planName: '${resourceBaseName}-plan-${suffix}'
    tags: tags
    sku: appServiceSku
    instanceCount: instanceCount
    nodeMaxOldSpaceMb: nodeMaxOldSpaceMb
    identityId: identity.id
    identityClientId: identity.properties.clientId
    appSubnetId: network.outputs.appSubnetId
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    botAuth: botAuth
    botAppId: botAppId
    keyVaultName: vault.outputs.name
    postgresFqdn: postgres.outputs.fqdn
    postgresDatabaseName: postgres.outputs.databaseName
    // A user-assigned identity's PostgreSQL role is named after the identity (pgaadauth_create_principal).
    postgresAppRole: identity.name
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    tabSsoAppId: tabSsoAppId
    settings: {
      pgPoolMax: pgPoolMax
      allowedTenantIds: allowedTenantIds
      defaultLanguage: defaultLanguage
      logLevel: logLevel
      bodyLimitKb: bodyLimitKb
      recordRetentionDays: recordRetentionDays
      caseRetentionDays: caseRetentionDays
      officeContactEn: officeContactEn
      officeContactFr: officeContactFr
      officeAdminIds: officeAdminIds
      teamsAppId: teamsAppId
      veTeamId: veTeamId
      veChannelId: veChannelId
      ombudTeamId: ombudTeamId
      ombudChannelId: ombudChannelId
      caseOutboxPollSeconds: caseOutboxPollSeconds
    }
  }
}

var botMsaAppId = botAuth == 'UserAssignedMSI' ? identity.properties.clientId : botAppId

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${resourceBaseName}-bot-${suffix}'
    tags: tags
    displayName: botDisplayName
    sku: botSku
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    botAuth: botAuth
    msaAppId: botMsaAppId
    identityId: identity.id
  }
}

// Written to the environment file by arm/deploy (upper-cased names). Identifiers only: no secret, no key.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = app.outputs.id
output BOT_DOMAIN string = app.outputs.defaultHostName
output BOT_ENDPOINT string = 'https://${app.outputs.defaultHostName}'
// The manifest's botId: the managed identity's client id with UserAssignedMSI.
output BOT_ID string = botMsaAppId
output BOT_SERVICE_NAME string = bot.outputs.name
output MANAGED_IDENTITY_NAME string = identity.name
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output KEY_VAULT_NAME string = vault.outputs.name
output POSTGRES_SERVER_NAME string = postgres.outputs.name
output POSTGRES_FQDN string = postgres.outputs.fqdn
output POSTGRES_DATABASE string = postgres.outputs.databaseName
output APPLICATION_INSIGHTS_NAME string = monitoring.outputs.appInsightsName
output EGRESS_IP string = network.outputs.egressIp

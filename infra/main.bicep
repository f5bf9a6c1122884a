// Social Media Guidance bot: App Service (Linux, Node 22 LTS, two instances), Azure Database for PostgreSQL
// Flexible Server, Key Vault holding the secrets (read through Key Vault references by a user-assigned
// identity), and the Azure Bot with its Microsoft Teams channel.
// Deployed by m365agents.yml (arm/deploy) with infra/main.parameters.json, or:
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json -p botAppPassword=... postgresAdminPassword=...
targetScope = 'resourceGroup'

@description('Prefix of every resource name (lowercase letters and digits).')
@minLength(3)
@maxLength(16)
param resourceBaseName string

param location string = resourceGroup().location

// ---- bot registration (the Entra app is created by m365agents.yml: aadApp/create) ----
@description('Client id of the bot\'s Entra app (MicrosoftAppId).')
param botAppId string

@description('Client secret of that app (MicrosoftAppPassword); stored in Key Vault only.')
@secure()
param botAppPassword string

@allowed(['SingleTenant', 'MultiTenant'])
param botAppType string = 'SingleTenant'

@description('Tenant of the Entra app (MicrosoftAppTenantId); required for SingleTenant.')
param botAppTenantId string = tenant().tenantId

param botDisplayName string = 'Social Media Guidance'

@allowed(['F0', 'S1'])
param botSku string = 'S1'

// ---- hosting ----
@description('App Service plan SKU: P0v3 or larger keeps two warm instances (B1 for a test environment).')
param appServiceSku string = 'P0v3'

@minValue(1)
param instanceCount int = 2

@description('V8 old-space cap in MB (NODE_OPTIONS). See README, "Production".')
param nodeMaxOldSpaceMb int = 384

// ---- database ----
param postgresAdminLogin string = 'smgadmin'

@secure()
param postgresAdminPassword string

param postgresSku string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'Burstable'

param postgresVersion string = '16'
param postgresStorageGb int = 32
param postgresDatabaseName string = 'smg'

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
param veTeamId string = ''
param veChannelId string = ''
param ombudTeamId string = ''
param ombudChannelId string = ''
param caseOutboxPollSeconds int = 30
@description('Tab SSO audience; empty = api://<BOT_DOMAIN>/<app id> and the app id.')
param tabSsoAudience string = ''

param tags object = { app: 'social-media-guidance-bot' }

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var siteName = '${resourceBaseName}-${suffix}'
var keyVaultName = take('${resourceBaseName}kv${suffix}', 24)
var postgresName = '${resourceBaseName}-pg-${suffix}'
// Key Vault Secrets User (read secret values), built-in role.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
  tags: tags
}

// ---------------------------------------------------------------- PostgreSQL
resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresName
  location: location
  tags: tags
  sku: {
    name: postgresSku
    tier: postgresTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: postgresStorageGb
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: postgresDatabaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Only Azure services may connect (0.0.0.0 is Azure's convention for that). For a private network, replace
// with VNet integration of the App Service and a delegated subnet for the server.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// ---------------------------------------------------------------- Key Vault
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'MicrosoftAppPassword'
  properties: {
    value: botAppPassword
    contentType: 'text/plain'
  }
}

// TLS with certificate verification; the server's certificate chains to a public root Node trusts.
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'DATABASE-URL'
  properties: {
    value: 'postgres://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${postgresDatabaseName}?sslmode=verify-full'
    contentType: 'text/plain'
  }
}

resource secretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

// ---------------------------------------------------------------- App Service
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  tags: tags
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
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/readyz'
      // Instances behind the load balancer share state through PostgreSQL: no session affinity needed.
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'NODE_OPTIONS', value: '--max-old-space-size=${nodeMaxOldSpaceMb}' }
        // The built-in Node image routes to 8080; HOST must listen on every interface.
        { name: 'PORT', value: '8080' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'MicrosoftAppId', value: botAppId }
        { name: 'MicrosoftAppPassword', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${botPasswordSecret.name})' }
        { name: 'MicrosoftAppType', value: botAppType }
        { name: 'MicrosoftAppTenantId', value: botAppType == 'SingleTenant' ? botAppTenantId : '' }
        { name: 'DATABASE_URL', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${databaseUrlSecret.name})' }
        { name: 'PG_POOL_MAX', value: string(pgPoolMax) }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'DEFAULT_LANGUAGE', value: defaultLanguage }
        { name: 'LOG_LEVEL', value: logLevel }
        { name: 'BODY_LIMIT_KB', value: string(bodyLimitKb) }
        { name: 'RECORD_RETENTION_DAYS', value: string(recordRetentionDays) }
        { name: 'CASE_RETENTION_DAYS', value: string(caseRetentionDays) }
        { name: 'OFFICE_CONTACT_EN', value: officeContactEn }
        { name: 'OFFICE_CONTACT_FR', value: officeContactFr }
        { name: 'OFFICE_ADMIN_IDS', value: officeAdminIds }
        { name: 'VE_TEAM_ID', value: veTeamId }
        { name: 'VE_CHANNEL_ID', value: veChannelId }
        { name: 'OMBUD_TEAM_ID', value: ombudTeamId }
        { name: 'OMBUD_CHANNEL_ID', value: ombudChannelId }
        { name: 'CASE_OUTBOX_POLL_SECONDS', value: string(caseOutboxPollSeconds) }
        { name: 'BOT_DOMAIN', value: '${siteName}.azurewebsites.net' }
        { name: 'TAB_SSO_AUDIENCE', value: tabSsoAudience }
        // The code is deployed as source; Oryx runs npm ci and npm run build on Linux (better-sqlite3 is native).
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        // Instances that fail /readyz this many minutes in a row are replaced.
        { name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES', value: '5' }
      ]
    }
  }
  dependsOn: [
    secretsReader
    botPasswordSecret
    databaseUrlSecret
    database
    allowAzure
  ]
}

// ---------------------------------------------------------------- Azure Bot + Teams channel
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: botAppType
    msaAppTenantId: botAppType == 'SingleTenant' ? botAppTenantId : ''
    disableLocalAuth: false
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

// Written to the environment file by arm/deploy (upper-cased names).
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = site.id
output BOT_DOMAIN string = site.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${site.properties.defaultHostName}'
output KEY_VAULT_NAME string = vault.name
output POSTGRES_FQDN string = postgres.properties.fullyQualifiedDomainName

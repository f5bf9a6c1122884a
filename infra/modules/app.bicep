// App Service (Linux, Node 22 LTS) integrated into the virtual network: all its outbound traffic (PostgreSQL
// and Key Vault through their private endpoints, the Bot Connector and Entra ID through the NAT gateway) goes
// through the VNet. It runs a built artifact (m365agents.yml deploy: dist/ with production dependencies) from
// a read-only package; no build runs on the server. No password or secret value is among its settings.
targetScope = 'resourceGroup'

// Canada only (Protected B): the two Canadian regions are the only values accepted.
@allowed(['canadacentral', 'canadaeast'])
param location string

param siteName string
param planName string
param tags object
param sku string
param instanceCount int
param nodeMaxOldSpaceMb int

param identityId string
param identityClientId string
param appSubnetId string
param logAnalyticsWorkspaceId string

@allowed(['UserAssignedMSI', 'ClientSecret'])
param botAuth string
@description('Bot app id for botAuth = ClientSecret (the Entra app); ignored with the managed identity.')
param botAppId string
param keyVaultName string

param postgresFqdn string
param postgresDatabaseName string
@description('The PostgreSQL role the app signs in as (created by infra/postgres-app-role.sql).')
param postgresAppRole string

param appInsightsConnectionString string
@description('Client id of the tabs\' single sign-on app (aadApp/create in m365agents.yml).')
param tabSsoAppId string

param settings object

var botDomain = '${siteName}.azurewebsites.net'
var isMsi = botAuth == 'UserAssignedMSI'

var baseSettings = [
  { name: 'NODE_ENV', value: 'production' }
  // The young generation at 4 MB: peak RSS ~15 % lower for a few % more CPU (README, "Memory").
  { name: 'NODE_OPTIONS', value: '--max-old-space-size=${nodeMaxOldSpaceMb} --max-semi-space-size=4' }
  // Two malloc arenas instead of glibc's 8 per core: RSS 6-8 MB lower (README, "Memory").
  { name: 'MALLOC_ARENA_MAX', value: '2' }
  // The built-in Node image routes to 8080; HOST must listen on every interface.
  { name: 'PORT', value: '8080' }
  { name: 'HOST', value: '0.0.0.0' }
  // The package deployed by m365agents.yml is already built with production dependencies: no build here,
  // and the code runs from the read-only package as uploaded.
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
  { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
  // Bot Framework: the user-assigned managed identity (no secret), or the Entra app with its secret read
  // from Key Vault by reference (documented alternative).
  { name: 'MicrosoftAppType', value: isMsi ? 'UserAssignedMSI' : 'SingleTenant' }
  { name: 'MicrosoftAppId', value: isMsi ? identityClientId : botAppId }
  { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
  // PostgreSQL with a Microsoft Entra token as the password: the URL names the role, never a password.
  {
    name: 'DATABASE_URL'
    value: 'postgres://${uriComponent(postgresAppRole)}@${postgresFqdn}:5432/${postgresDatabaseName}?sslmode=verify-full'
  }
  { name: 'DATABASE_AUTH', value: 'entra' }
  { name: 'DATABASE_ENTRA_CLIENT_ID', value: identityClientId }
  { name: 'PG_POOL_MAX', value: string(settings.pgPoolMax) }
  // Application Insights, written with the identity's Entra token (local authentication is disabled).
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD;ClientId=${identityClientId}' }
  { name: 'ALLOWED_TENANT_IDS', value: settings.allowedTenantIds }
  { name: 'DEFAULT_LANGUAGE', value: settings.defaultLanguage }
  { name: 'LOG_LEVEL', value: settings.logLevel }
  { name: 'BODY_LIMIT_KB', value: string(settings.bodyLimitKb) }
  { name: 'RECORD_RETENTION_DAYS', value: string(settings.recordRetentionDays) }
  { name: 'CASE_RETENTION_DAYS', value: string(settings.caseRetentionDays) }
  { name: 'OFFICE_CONTACT_EN', value: settings.officeContactEn }
  { name: 'OFFICE_CONTACT_FR', value: settings.officeContactFr }
  { name: 'OFFICE_ADMIN_IDS', value: settings.officeAdminIds }
  { name: 'TEAMS_APP_ID', value: settings.teamsAppId }
  { name: 'VE_TEAM_ID', value: settings.veTeamId }
  { name: 'VE_CHANNEL_ID', value: settings.veChannelId }
  { name: 'OMBUD_TEAM_ID', value: settings.ombudTeamId }
  { name: 'OMBUD_CHANNEL_ID', value: settings.ombudChannelId }
  { name: 'CASE_OUTBOX_POLL_SECONDS', value: string(settings.caseOutboxPollSeconds) }
  { name: 'BOT_DOMAIN', value: botDomain }
  // The tabs' tokens are issued for their own app (api://<domain>/<tab app id>, or its id).
  { name: 'TAB_SSO_AUDIENCE', value: 'api://${botDomain}/${tabSsoAppId},${tabSsoAppId}' }
  // Instances that fail /readyz this many minutes in a row are replaced.
  { name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES', value: '5' }
]

// ClientSecret only: a Key Vault reference, resolved by the platform with the identity; the value is not here.
var secretSettings = isMsi ? [] : [
  {
    name: 'MicrosoftAppPassword'
    value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=MicrosoftAppPassword)'
  }
]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
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
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // posture: public by necessity. Microsoft's Bot Connector service posts each Teams message to
    // https://<site>/api/messages, and Teams clients load the tabs from this host: both come from the internet.
    // Everything the app itself calls is private (VNet integration below).
    publicNetworkAccess: 'Enabled'
    virtualNetworkSubnetId: appSubnetId
    vnetRouteAllEnabled: true
    keyVaultReferenceIdentity: identityId
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/readyz'
      vnetRouteAllEnabled: true
      // Instances behind the load balancer share state through PostgreSQL: no session affinity needed.
      appSettings: concat(baseSettings, secretSettings)
    }
  }
}

// No FTP or basic-auth deployment credentials: deployments authenticate with Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Platform and audit events (deployments, restarts). HTTP logs are left out: they record client addresses
// and full URLs, and requests are already in Application Insights without them.
resource platformLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'platform-to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
      {
        category: 'AppServiceAuditLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output id string = site.id
output defaultHostName string = site.properties.defaultHostName

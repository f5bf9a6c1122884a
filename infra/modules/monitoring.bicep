// Observability without personal data: a Log Analytics workspace and a workspace-based Application Insights
// that accepts telemetry only with a Microsoft Entra token (local authentication off), written by the app's
// managed identity (Monitoring Metrics Publisher). What the bot sends is described in src/platform/telemetry.
targetScope = 'resourceGroup'

// Canada only (Protected B): the two Canadian regions are the only values accepted.
@allowed(['canadacentral', 'canadaeast'])
param location string

param namePrefix string
param suffix string
param tags object

@minValue(30)
@maxValue(730)
param retentionDays int = 90

@description('Principal (object) id of the managed identity allowed to send telemetry.')
param publisherPrincipalId string

// Monitoring Metrics Publisher: lets a principal send telemetry to Application Insights with Entra auth.
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
    features: {
      // Queries and ingestion with Entra ID only: no shared workspace keys.
      disableLocalAuth: true
    }
    // posture: public by necessity. Azure Monitor's ingestion and query endpoints are shared service
    // endpoints; making them private needs an Azure Monitor Private Link Scope, which changes DNS for every
    // Azure Monitor resource the network reaches (README, "Production": what a department may add).
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-ai-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // Telemetry is accepted only with an Entra token: the instrumentation key alone writes nothing.
    DisableLocalAuth: true
    // Client addresses are never stored (the bot also sends 0.0.0.0).
    DisableIpMasking: false
    // posture: public by necessity (see the workspace above); DisableLocalAuth limits writers to the identity.
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, publisherPrincipalId, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    principalId: publisherPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}

output workspaceId string = workspace.id
output appInsightsName string = appInsights.name
// Not a secret: it names the resource and its regional ingestion endpoint, and writes nothing without a token.
output appInsightsConnectionString string = appInsights.properties.ConnectionString

// Key Vault behind a private endpoint. With the defaults (bot on its managed identity, PostgreSQL with Entra
// authentication) it holds nothing: it exists for what cannot be an identity, which today is only the bot's
// client secret in the documented alternative (botAuth = ClientSecret).
targetScope = 'resourceGroup'

// Canada only (Protected B): the two Canadian regions are the only values accepted.
@allowed(['canadacentral', 'canadaeast'])
param location string

param name string
param tags object
param privateEndpointSubnetId string
param privateDnsZoneId string
param logAnalyticsWorkspaceId string

@description('Principal (object) id of the managed identity that reads secrets (Key Vault references).')
param readerPrincipalId string

@description('TRIAL ONLY: opens the vault to trialClientIp. Off in production.')
param allowPublicNetworkAccess bool = false
param trialClientIp string = ''

@description('Stores the bot client secret (botAuth = ClientSecret only).')
param storeBotPassword bool = false
@secure()
param botAppPassword string = ''

// Key Vault Secrets User (read secret values), built-in role.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
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
    publicNetworkAccess: allowPublicNetworkAccess ? 'Enabled' : 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
      ipRules: allowPublicNetworkAccess && !empty(trialClientIp) ? [
        {
          value: trialClientIp
        }
      ] : []
    }
  }
}

resource endpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: '${name}-pe'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'vault'
        properties: {
          privateLinkServiceId: vault.id
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
}

resource endpointDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-11-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'vault'
        properties: {
          privateDnsZoneId: privateDnsZoneId
        }
      }
    ]
  }
}

// Its name is what infra/modules/app.bicep's Key Vault reference reads.
resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (storeBotPassword) {
  parent: vault
  name: 'MicrosoftAppPassword'
  properties: {
    value: botAppPassword
    contentType: 'text/plain'
  }
}

resource secretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

// Who read or changed what, for the security team (no secret values are logged).
resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'audit'
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

output name string = vault.name

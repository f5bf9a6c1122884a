// The Azure Bot registration and its Microsoft Teams channel. Azure Bot is a global service: there is no
// Canadian region to choose (README, "Data residency"). It stores the registration (endpoint, app id), not
// conversations; messages pass through Microsoft's Bot Framework Service on their way to the App Service.
targetScope = 'resourceGroup'

param name string
param tags object
param displayName string
@allowed(['F0', 'S1'])
param sku string
param endpoint string

@allowed(['UserAssignedMSI', 'ClientSecret'])
param botAuth string
@description('The bot\'s app id: the managed identity\'s client id (UserAssignedMSI) or the Entra app\'s.')
param msaAppId string
param identityId string

var isMsi = botAuth == 'UserAssignedMSI'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Not a regional resource: 'global' is the only location Azure Bot offers outside a few regional previews
  // (none in Canada).
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: msaAppId
    // Azure no longer creates MultiTenant bots.
    msaAppType: isMsi ? 'UserAssignedMSI' : 'SingleTenant'
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: isMsi ? identityId : null
    // Only the Teams channel is used: no Direct Line or Web Chat keys.
    disableLocalAuth: true
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

output name string = bot.name

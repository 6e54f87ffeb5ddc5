# Transcribes Authelia's Node-RED guide (../shared/docs/authelia-2026-05-26/clients/node-red/index.md): one
# configuration method, the Configuration File, a piece of Node-RED's settings.js (an adminAuth strategy of
# passport-openidconnect, which the guide assumes installed), put in the image's own settings file as a reader
# would. The guide has no numbered steps: Node-RED's login dialog offers the strategy's label. The guide's users
# function gives every user all permissions, so a member of admins and a member of no group both open the editor.
#
# "# guide: Section" names the part of the guide the next Gherkin step transcribes, "Application >
# <method>" a configuration method by its heading. At run time the suite takes every value from the
# guide itself: the button's name from the strategy's label.
Feature: Integrating Node-RED with the Authelia OpenID Connect 1.0 Provider
  As an Authelia docs maintainer
  I want the Node-RED guide's configuration used against the real products
  So that the guide says only what is true

  Background:
    # guide: Configuration > Authelia
    Given Authelia runs with the guide's client configuration for Node-RED

  Scenario Outline: Configured by "Configuration File", "<user>" signs in through Authelia and Node-RED opens its editor
    # guide: Application > Configuration File
    Given Node-RED is configured as the guide's "Configuration File" method says
    When I click Node-RED's button to sign in with Authelia
    And I login as "<user>"
    Then I am logged in to Node-RED as "<user>"

    Examples:
      | user  |
      | admin |
      | user  |

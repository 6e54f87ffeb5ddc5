# Transcribes Authelia's PocketBase guide (../shared/docs/authelia-2026-05-26/clients/pocketbase/index.md): one
# configuration method, the Web GUI, steps 1 to 6, in PocketBase's admin UI (/_/). Steps 2 to 4 name a menu that
# PocketBase 0.23 and later no longer have (Settings > Authentication > Auth providers): the first scenario
# configures the provider where the version the guide names keeps it (the users collection's options), and the last
# scenario keeps the steps as written as a strict expected failure.
#
# PocketBase's admin does not sign in with OAuth2; the users of an application using its JavaScript SDK do. The guide
# gives no such application: the run serves a minimal one from pb_public (a button per provider, authWithOAuth2).
#
# A "# guide step N" comment says which numbered step of the Web GUI method the next Gherkin step transcribes;
# "# guide: Section" names another part of the guide. Values in quotes are the guide's words; at run time the suite
# takes every value from the guide itself.
Feature: Integrating PocketBase with the Authelia OpenID Connect 1.0 Provider
  As an Authelia docs maintainer
  I want the PocketBase guide's steps done against the real products
  So that the guide says only what is true, and says where when it is not

  Background:
    # guide: Configuration > Authelia
    Given Authelia runs with the guide's client configuration for PocketBase

  Scenario: Configure PocketBase with the Web GUI where its version keeps the provider
    # guide: Application > Web GUI
    Given PocketBase runs at the guide's Application Root URL with no sign-in provider
    # guide step 1
    When I connect to PocketBase admin view
    And I open the OpenID Connect provider where this version of PocketBase has it
    # guide step 5
    And I configure the following options
    # guide step 6
    And I save changes

  Scenario: A user signs in through Authelia to an application using PocketBase's JavaScript SDK
    # guide: Application > Web GUI
    Given PocketBase is configured as the guide's "Web GUI" method says
    When I click PocketBase's button to sign in with Authelia
    And I login as "user"
    Then I am logged in to PocketBase as "user"

  @deviation
  Scenario: Steps 2 to 4 as written: Settings, then "Auth providers" under "Authentication"
    Recorded deviation: PocketBase 0.27.1's settings have no "Authentication" section and no "Auth providers":
    since 0.23 its OAuth2 providers are options of each auth collection. This scenario stays green while that is
    so and turns red when the guide or PocketBase change.
    # guide: Application > Web GUI
    Given PocketBase runs at the guide's Application Root URL
    # guide step 1
    When I connect to PocketBase admin view
    # guide step 2
    And on the left menu, I go to "Settings"
    # guide step 3
    And in the "Authentication" section, I go to "Auth providers"
    # guide step 4
    And I select the gear on "OpenID Connect (oidc)"

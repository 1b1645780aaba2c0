"""The channels the blocking checklist comes with, grouped as they are listed, each with
a plain hint, and the advocate step."""

from __future__ import annotations

from dataclasses import dataclass

ADVOCATE_ID = "advocate"
"""The id of the step "talk to an advocate about a safety plan"."""


SAFETY_GROUP = "First, your safety"
"""The heading over the advocate step."""


@dataclass(frozen=True)
class ShippedChannel:
    """A channel that comes with the app."""

    id: str
    """A stable identifier, kept in stored records."""
    name: str
    """Its short name."""
    group: str
    """The heading it is listed under."""
    hint: str
    """One or two plain sentences shown while it is selected."""


_CALLS = "Calls, messages and email"


_SOCIAL = "Social networks"


_CIRCLE = "Their circle"


_SHARED = "Location and shared things"


_NEW = "New ways to reach you"


SHIPPED: tuple[ShippedChannel, ...] = (
    ShippedChannel(
        "phone",
        "Phone calls and SMS",
        _CALLS,
        "Blocking their number stops calls and texts reaching you, but on some phones "
        "what they send while blocked is never kept; if you may need a record, "
        "filtering keeps it. Some phones can also silence unknown callers.",
    ),
    ShippedChannel(
        "whatsapp",
        "WhatsApp",
        _CALLS,
        "Besides blocking, you might hide your last seen, profile photo and read receipts.",
    ),
    ShippedChannel(
        "signal",
        "Signal",
        _CALLS,
        "You might also turn off read receipts and typing indicators.",
    ),
    ShippedChannel(
        "telegram",
        "Telegram",
        _CALLS,
        "You might also limit who can see your number, your last seen and your photo.",
    ),
    ShippedChannel(
        "messenger",
        "Facebook Messenger",
        _CALLS,
        "Blocking in Messenger alone leaves Facebook itself as it was; that is a step "
        "of its own below.",
    ),
    ShippedChannel(
        "imessage",
        "iMessage and FaceTime",
        _CALLS,
        "Blocking a contact on an iPhone covers calls, messages and FaceTime from the "
        "numbers and emails on that contact card; a new number or Apple ID gets through.",
    ),
    ShippedChannel(
        "snapchat",
        "Snapchat",
        _CALLS,
        "You might also check who can see where you are on the Snap Map.",
    ),
    ShippedChannel(
        "email",
        "Email",
        _CALLS,
        "A filter can move their emails into a folder you never have to open. Keep "
        "threats rather than deleting them.",
    ),
    ShippedChannel(
        "facebook",
        "Facebook",
        _SOCIAL,
        "Besides blocking: who can see your posts and your friend list, and who can tag you.",
    ),
    ShippedChannel(
        "instagram",
        "Instagram",
        _SOCIAL,
        "Restrict hides their comments and messages without telling them. A private "
        "account puts new follow requests in your hands.",
    ),
    ShippedChannel(
        "tiktok",
        "TikTok",
        _SOCIAL,
        "A private account, and a look at who can message or mention you.",
    ),
    ShippedChannel(
        "x",
        "X (Twitter)",
        _SOCIAL,
        "Muting is invisible to them, if blocking feels like too big a step for now.",
    ),
    ShippedChannel(
        "linkedin",
        "LinkedIn",
        _SOCIAL,
        "You might also check who can see your connections and your profile.",
    ),
    ShippedChannel(
        "their_family",
        "Their family's accounts",
        _CIRCLE,
        "Optional. Some people block or mute the family too, so news and messages "
        "can't come through them.",
    ),
    ShippedChannel(
        "their_friends",
        "Their friends' accounts",
        _CIRCLE,
        "Optional. Friends can carry news and messages both ways, sometimes without meaning to.",
    ),
    ShippedChannel(
        "new_partner",
        "Their new partner's accounts",
        _CIRCLE,
        "Optional. Checking on their new life can keep the pull strong; muting is "
        "enough for some people.",
    ),
    ShippedChannel(
        "mutual_friends",
        "Mutual friends",
        _CIRCLE,
        "You might ask them not to pass on news or messages. You don't owe anyone a reason.",
    ),
    ShippedChannel(
        "location",
        "Location sharing",
        _SHARED,
        "Find My, Google Maps, Life360 and the like. Turning sharing off can alert "
        "them, so some people plan this one with an advocate first.",
    ),
    ShippedChannel(
        "shared_accounts",
        "Shared accounts",
        _SHARED,
        "Streaming, shopping, passwords, smart-home and car apps: new passwords, and "
        "a look at which devices are signed in.",
    ),
    ShippedChannel(
        "shared_albums",
        "Shared photo albums and drives",
        _SHARED,
        "Leaving a shared album or drive can show up on their side. You might save "
        "copies of what you need first.",
    ),
    ShippedChannel(
        "payments",
        "Payment apps",
        _SHARED,
        "A payment can carry a message in its note, even a very small one.",
    ),
    ShippedChannel(
        "new_accounts",
        "New numbers or accounts they make",
        _NEW,
        "You might decide now what you'll do if one appears: some people log it with "
        "h and don't reply.",
    ),
)
"""The channels that come with the app, in the order they are listed."""


ADVOCATE = ShippedChannel(
    ADVOCATE_ID,
    "Talk to an advocate about a safety plan",
    SAFETY_GROUP,
    "An advocate, for example at a domestic abuse helpline, can help you plan what "
    "to change and when. ! shows your crisis contacts.",
)
"""The step listed first when the person is afraid, or not sure."""

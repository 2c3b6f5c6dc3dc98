using System.Xml.Linq;
using AsyncLab;

namespace AsyncLab.Tests.Charts;

/// <summary>Reads a timeline's SVG the way the chart tests look at it: elements by name and CSS class.</summary>
internal static class SvgQuery
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XElement Parse(Timeline timeline) => XElement.Parse(timeline.ToSvg());

    public static List<XElement> WithClass(XElement root, string name, string cssClass) =>
        root.Descendants(Svg + name).Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true).ToList();
}
